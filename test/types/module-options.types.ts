/**
 * Compiled by `npm run typecheck` (part of `npm test`), never run: each `@ts-expect-error` line must fail to
 * compile, or the type check fails. It proves that forRoot/forRootAsync are typed by the host's User entity.
 */
import { AuthTokenModule, CurrentUser, TokenService, type AuthTokenOptions } from 'nestjs-auth-token';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('type_test_members')
class Member {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar' }) email!: string;
  @Column({ type: 'varchar' }) passwordHash!: string;
  @Column({ type: 'varchar', default: 'member' }) role!: string;
}

class Invoice {
  total!: number;
}

// What a host writes: every field name and the serializer are checked against Member.
AuthTokenModule.forRoot({
  userEntity: Member,
  userFields: { username: 'email', password: 'passwordHash', isActive: null },
  userSerializer: (member) => ({ id: member.id, role: member.role }),
});
AuthTokenModule.forRootAsync({
  userEntity: Member,
  useFactory: (): AuthTokenOptions<Member> => ({
    userFields: { username: 'email', password: 'passwordHash' },
    userSerializer: (member: Member) => member.email,
  }),
});

// @ts-expect-error a field name that is not a property of Member
AuthTokenModule.forRoot({ userEntity: Member, userFields: { username: 'emial' } });
// @ts-expect-error a serializer of another entity
AuthTokenModule.forRoot({ userEntity: Member, userSerializer: (invoice: Invoice) => invoice.total });
// @ts-expect-error the serializer reads a property Member does not have
AuthTokenModule.forRoot({ userEntity: Member, userSerializer: (member): unknown => member.displayName });
// @ts-expect-error userEntity is required
AuthTokenModule.forRoot({ userFields: { username: 'email' } });
// @ts-expect-error forRootAsync checks the factory's options against the entity too
AuthTokenModule.forRootAsync({ userEntity: Member, useFactory: () => ({ userFields: { password: 'pasword' } }) });

// Services are typed by the entity given, with no `any` in between.
export async function currentEmail(tokens: TokenService<Member>, token: string): Promise<string | undefined> {
  const found = await tokens.authenticate(token);
  return found?.user.email;
}
export async function noAny(tokens: TokenService, token: string): Promise<void> {
  const found = await tokens.authenticate(token);
  // @ts-expect-error without the entity type the user is `object`, not `any`
  void found?.user.email;
}
export const decorator: ParameterDecorator = CurrentUser();

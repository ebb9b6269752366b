import { Module } from '@nestjs/common';
import { AuthTokenConfigurableModule } from './auth-token.module-definition.js';

/**
 * Token authentication for a Nest app:
 *
 * @example
 * TypeOrmModule.forRoot({ ..., autoLoadEntities: true }),
 * AuthTokenModule.forRoot({ userEntity: User, userSerializer: (u: User) => ({ id: u.id, username: u.username }) }),
 *
 * then `@UseGuards(AuthTokenGuard)` on the routes to protect.
 */
@Module({})
export class AuthTokenModule extends AuthTokenConfigurableModule {}

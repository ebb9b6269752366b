import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Body of `POST /auth/reauthenticate`: the password, or a TOTP code for a user with two-factor login. */
export class ReauthenticateDto {
  @IsOptional()
  @MaxLength(1024)
  @IsString()
  password?: string;

  @IsOptional()
  @MaxLength(16)
  @IsString()
  code?: string;
}

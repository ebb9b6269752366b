import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { JsonObjectField } from '../../core/http/json-object-field.js';

/**
 * Body of `POST /auth/reauthenticate`: the password, a TOTP code for a user with two-factor login, or a passkey's
 * answer (`challengeId` of `POST /auth/reauthenticate/passkey/options` and `response`).
 */
export class ReauthenticateDto {
  @IsOptional()
  @MaxLength(1024)
  @IsString()
  password?: string;

  @IsOptional()
  @MaxLength(16)
  @IsString()
  code?: string;

  @IsOptional()
  @MaxLength(64)
  @IsString()
  challengeId?: string;

  @IsOptional()
  @JsonObjectField()
  @IsObject({ message: '$property must be the JSON of a PublicKeyCredential' })
  response?: object;
}

import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { JsonObjectField } from '../../core/http/json-object-field.js';

/** Body of `POST /auth/mfa/totp/enable`. */
export class EnableTotpDto {
  /** The 6-digit code the app shows now. */
  @MaxLength(16)
  @IsString()
  @IsNotEmpty({ message: '$property is required' })
  code!: string;
}

/** Body of `POST /auth/mfa/disable` and `POST /auth/mfa/recovery-codes`. */
export class MfaPasswordDto {
  @MaxLength(1024)
  @IsString()
  @IsNotEmpty({ message: '$property is required' })
  password!: string;
}

/**
 * Body of `POST /auth/login/mfa`: the mfaToken of the first step and a code, a recovery code, or a passkey's
 * answer (`challengeId` of `POST /auth/login/mfa/passkey/options` and `response`).
 */
export class MfaLoginDto {
  @MaxLength(128)
  @IsString()
  @IsNotEmpty({ message: '$property is required' })
  mfaToken!: string;

  @IsOptional()
  @MaxLength(16)
  @IsString()
  code?: string;

  @IsOptional()
  @MaxLength(64)
  @IsString()
  recoveryCode?: string;

  @IsOptional()
  @MaxLength(64)
  @IsString()
  challengeId?: string;

  @IsOptional()
  @JsonObjectField()
  @IsObject({ message: '$property must be the JSON of a PublicKeyCredential' })
  response?: object;
}

/** Body of `POST /auth/login/mfa/passkey/options`: the mfaToken of the first step. */
export class MfaPasskeyOptionsDto {
  @MaxLength(128)
  @IsString()
  @IsNotEmpty({ message: '$property is required' })
  mfaToken!: string;
}

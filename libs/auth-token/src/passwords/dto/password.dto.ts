import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NoNul } from '../../http/no-nul.decorator.js';

/** Body of `POST /auth/password/change`. */
export class ChangePasswordDto {
  @IsString()
  @NoNul()
  @IsNotEmpty()
  @MaxLength(4096)
  currentPassword!: string;

  @IsString()
  @NoNul()
  @IsNotEmpty()
  @MaxLength(4096)
  newPassword!: string;
}

/** Body of `POST /auth/password/reset`. */
export class RequestPasswordResetDto {
  @IsString()
  @NoNul()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;
}

/** Body of `POST /auth/password/reset/confirm`. */
export class ConfirmPasswordResetDto {
  @IsString()
  @NoNul()
  @IsNotEmpty()
  @MaxLength(256)
  token!: string;

  @IsString()
  @NoNul()
  @IsNotEmpty()
  @MaxLength(4096)
  newPassword!: string;
}

import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /auth/password/change`. */
export class ChangePasswordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  currentPassword!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  newPassword!: string;
}

/** Body of `POST /auth/password/reset`. */
export class RequestPasswordResetDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;
}

/** Body of `POST /auth/password/reset/confirm`. */
export class ConfirmPasswordResetDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  token!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  newPassword!: string;
}

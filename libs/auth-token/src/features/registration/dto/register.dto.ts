import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Body of `POST /auth/register` (JSON or form-urlencoded). */
export class RegisterDto {
  /**
   * 1-150 letters, digits and `@ . + - _`; unique ignoring case. Required, unless the login is the e-mail
   * address (`userFields.username` names the e-mail column): then `username` or `email` gives it.
   */
  @IsOptional()
  @MaxLength(150)
  @IsString()
  username?: string;

  /** Checked against the password policy. */
  @MaxLength(4096)
  @IsString()
  @IsNotEmpty({ message: '$property is required' })
  password!: string;

  /** Required when e-mail confirmation is on. */
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email?: string;
}

/** Body of `POST /auth/register/resend`: the address, or the username. */
export class ResendConfirmationDto {
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(254)
  username?: string;
}

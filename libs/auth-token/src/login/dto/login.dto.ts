import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /auth/login` (JSON or form-urlencoded). */
export class LoginDto {
  /** The login name (matched case-insensitively); an e-mail address when the host logs users in by e-mail. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  username!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}

import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /auth/login` (JSON or form-urlencoded). */
export class LoginDto {
  /** The login name (matched case-insensitively); an e-mail address when the host logs users in by e-mail. */
  // Checks run bottom-up and stop at the first failure: a missing field is reported as missing first.
  @MaxLength(254)
  @IsString()
  @IsNotEmpty({ message: '$property is required' })
  username!: string;

  @MaxLength(1024)
  @IsString()
  @IsNotEmpty({ message: '$property is required' })
  password!: string;
}

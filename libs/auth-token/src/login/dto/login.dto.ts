import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NoNul } from '../../http/no-nul.decorator.js';

/** Body of `POST /auth/login` (JSON or form-urlencoded). */
export class LoginDto {
  /** The login name (matched case-insensitively); an e-mail address when the host logs users in by e-mail. */
  @IsString()
  @NoNul()
  @IsNotEmpty()
  @MaxLength(254)
  username!: string;

  @IsString()
  @NoNul()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}

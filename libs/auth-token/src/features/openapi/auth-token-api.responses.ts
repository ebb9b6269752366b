/** `POST /auth/login` answer, for the OpenAPI document. */
export class LoginResponseDto {
  token!: string;
  expiresAt!: Date;
  user?: object;
}

/** `{ "success": true }` answers (register, resend, reset). */
export class SuccessResponseDto {
  success!: boolean;
}

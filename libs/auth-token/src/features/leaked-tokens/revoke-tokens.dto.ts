import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { LEAKED_TOKENS_MESSAGES } from './leaked-tokens.messages.js';

/** Most tokens one `POST /auth/tokens/revoke` ends. */
export const MAX_REVOKED_TOKENS = 100;

const message = LEAKED_TOKENS_MESSAGES.revokeTokensList(MAX_REVOKED_TOKENS);

/** `POST /auth/tokens/revoke`: tokens someone found. */
export class RevokeTokensDto {
  /** Login or API tokens, at most 100; any that are not live are ignored. */
  @IsArray({ message })
  @ArrayMaxSize(MAX_REVOKED_TOKENS, { message })
  @IsString({ each: true, message })
  @MaxLength(200, { each: true, message })
  tokens!: string[];
}

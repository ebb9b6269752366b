import { IsArray, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';

/** Body of `POST /auth/tokens`. */
export class CreateApiTokenDto {
  /** 1-100 characters, e.g. "CI deploy". */
  @MaxLength(100)
  @IsString()
  @IsNotEmpty({ message: '$property is required' })
  name!: string;

  /** Declared scope names. @default [] */
  @IsOptional()
  @IsString({ each: true })
  @IsArray()
  scopes?: string[];

  /** Seconds until the token dies. @default apiTokens.ttl */
  @IsOptional()
  @IsInt()
  expiresIn?: number;
}

/** One API token as `GET /auth/tokens` shows it: never the token or its digest. */
export class ApiTokenDto {
  id!: string;
  name!: string;
  scopes!: string[];
  createdAt!: Date;
  lastUsedAt!: Date | null;
  expiresAt!: Date;
}

/** The answer of `POST /auth/tokens`: the raw token, shown this once (no `lastUsedAt`: it was never used). */
export class CreatedApiTokenDto {
  token!: string;
  id!: string;
  name!: string;
  scopes!: string[];
  createdAt!: Date;
  expiresAt!: Date;
}

export const toApiTokenDto = ({ id, name, scopes, createdAt, lastUsedAt, expiresAt }: AuthToken): ApiTokenDto => ({
  id,
  name: name ?? '',
  scopes: scopes ?? [],
  createdAt,
  lastUsedAt,
  expiresAt,
});

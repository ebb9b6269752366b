import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { JsonObjectField } from '../../core/http/json-object-field.js';

/** The answer of an authenticator to a challenge: the challenge's id and the credential's JSON (`toJSON()`). */
export class PasskeyAnswerDto {
  @MaxLength(64)
  @IsString()
  @IsNotEmpty({ message: '$property is required' })
  challengeId!: string;

  @JsonObjectField()
  @IsObject({ message: '$property must be the JSON of a PublicKeyCredential' })
  @IsNotEmpty({ message: '$property is required' })
  response!: object;
}

/** Body of `POST /auth/passkeys/register`: the answer to the creation options, and a name for the passkey. */
export class RegisterPasskeyDto extends PasskeyAnswerDto {
  @IsOptional()
  @MaxLength(100)
  @IsString()
  name?: string;
}

/** Body of `PATCH /auth/passkeys/:id`. */
export class RenamePasskeyDto {
  @MaxLength(100)
  @IsString()
  @IsNotEmpty({ message: '$property is required' })
  name!: string;
}

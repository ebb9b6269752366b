import type { Type } from '@nestjs/common';
import { LoginDto } from '../login/dto/login.dto.js';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from '../api-tokens/api-token.dto.js';
import { ApiTokensController } from '../api-tokens/api-tokens.controller.js';
import { LoginController } from '../login/login.controller.js';
import { MfaController } from '../two-factor/mfa.controller.js';
import { MfaLoginController } from '../two-factor/mfa-login.controller.js';
import { EnableTotpDto, MfaLoginDto, MfaPasskeyOptionsDto, MfaPasswordDto } from '../two-factor/mfa.dto.js';
import { PasskeyLoginController } from '../passkeys/passkey-login.controller.js';
import { PasskeyReauthenticationController } from '../passkeys/passkey-reauthentication.controller.js';
import { PasskeyAnswerDto, RegisterPasskeyDto, RenamePasskeyDto } from '../passkeys/passkeys.dto.js';
import { PasskeysController } from '../passkeys/passkeys.controller.js';
import { ChangePasswordDto, ConfirmPasswordResetDto, RequestPasswordResetDto } from '../passwords/dto/password.dto.js';
import { PasswordChangeController } from '../passwords/password-change.controller.js';
import { PasswordResetController } from '../passwords/password-reset.controller.js';
import { ReauthenticateDto } from '../reauthentication/reauthenticate.dto.js';
import { ReauthenticationController } from '../reauthentication/reauthentication.controller.js';
import { RegisterDto, ResendConfirmationDto } from '../registration/dto/register.dto.js';
import { RegistrationController } from '../registration/registration.controller.js';
import { SessionDto } from '../sessions/session.dto.js';
import { SessionsController } from '../sessions/sessions.controller.js';
import { LeakReportController } from '../leaked-tokens/leak-report.controller.js';
import { RevokeTokensDto } from '../leaked-tokens/revoke-tokens.dto.js';
import { TokenRevocationController } from '../leaked-tokens/token-revocation.controller.js';
import { SecurityLogController } from '../security-log/security-log.controller.js';
import { LoginResponseDto, SuccessResponseDto } from './auth-token-api.responses.js';

// Loose on purpose: each @nestjs/swagger decorator has its own overloads for classes, methods and properties.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDecorator = (...args: any[]) => unknown;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDecoratorFactory = (...args: any[]) => AnyDecorator;

/** The decorators used from @nestjs/swagger; pass its module: `describeAuthTokenApi(await import('@nestjs/swagger'))`. */
export interface SwaggerDecorators {
  ApiProperty: AnyDecoratorFactory;
  ApiTags: AnyDecoratorFactory;
  ApiBearerAuth: AnyDecoratorFactory;
  ApiOperation: AnyDecoratorFactory;
  ApiResponse: AnyDecoratorFactory;
  ApiParam: AnyDecoratorFactory;
}

type Operation = { summary: string; responses: [number, string, unknown?][]; secured?: boolean; param?: string };

const ERRORS = {
  400: 'Invalid input; `errors` names each field',
  401: 'Missing, invalid or expired token',
  403: 'An API token: this route needs a login token',
  reauthenticate:
    'An API token, or `code: "reauthentication_required"`: prove who you are (POST reauthenticate) and try again',
  429: 'Too many attempts; see Retry-After',
  503: 'Database or mail server unavailable',
};

const PASSKEY_OPTIONS =
  '{ challengeId, options }: options in the JSON form of WebAuthn (PublicKeyCredentialCreationOptionsJSON or RequestOptionsJSON)';

const OPERATIONS: [Type<object>, Record<string, Operation>][] = [
  [
    SecurityLogController,
    {
      list: {
        summary: 'Your security log: { events: [{ type, at, ip, device }] }, the newest 100, newest first',
        secured: true,
        responses: [
          [200, 'The entries'],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
        ],
      },
    },
  ],
  [
    LeakReportController,
    {
      report: {
        summary:
          "GitHub's secret-scanning report (signed JSON array of { token, type, url, source }): live tokens are revoked",
        responses: [
          [200, 'One { token_hash, token_type, label } per entry'],
          [400, 'Not a JSON array of entries with a string token'],
          [401, 'Unsigned, a bad signature, or an unknown key identifier; nothing revoked'],
          [503, 'The signing keys cannot be fetched now; nothing revoked'],
        ],
      },
    },
  ],
  [
    TokenRevocationController,
    {
      revoke: {
        summary: 'End tokens you found (at most 100); the answer is the same whether they were valid',
        responses: [
          [202, 'Done', SuccessResponseDto],
          [400, ERRORS[400]],
          [429, ERRORS[429]],
        ],
      },
    },
  ],
  [
    LoginController,
    {
      login: {
        summary: 'Log in: exchange a username and password for a new token',
        responses: [
          [200, 'A new token', LoginResponseDto],
          [400, ERRORS[400]],
          [401, 'Unknown user, wrong password or inactive account'],
          [403, 'E-mail address not confirmed'],
          [429, ERRORS[429]],
        ],
      },
      logout: {
        summary: 'Log out: revoke the token of this request',
        secured: true,
        responses: [
          [204, 'Revoked'],
          [401, ERRORS[401]],
        ],
      },
      logoutByPost: {
        summary: 'Log out (POST form)',
        secured: true,
        responses: [
          [204, 'Revoked'],
          [401, ERRORS[401]],
        ],
      },
      me: {
        summary: 'The current user, serialized, with mfaEnabled',
        secured: true,
        responses: [
          [200, 'The user'],
          [401, ERRORS[401]],
        ],
      },
    },
  ],
  [
    MfaLoginController,
    {
      loginMfa: {
        summary:
          'Second step of a login with a second factor: the mfaToken and a TOTP code, a recovery code, or a passkey (challengeId and response)',
        responses: [
          [200, 'A new token', LoginResponseDto],
          [400, ERRORS[400]],
          [401, 'Wrong or used code, refused passkey, or a spent or expired mfaToken'],
          [429, ERRORS[429]],
        ],
      },
      passkeyOptions: {
        summary: "Request options for the second step with a passkey: lists the mfaToken's user's passkeys",
        responses: [
          [200, PASSKEY_OPTIONS],
          [400, 'No passkey, or invalid input'],
          [401, 'A spent or expired mfaToken'],
        ],
      },
    },
  ],
  [
    PasskeyLoginController,
    {
      loginOptions: {
        summary: 'Request options for a passwordless login with a discoverable passkey (allowCredentials empty)',
        responses: [[200, PASSKEY_OPTIONS]],
      },
      login: {
        summary: "Log in with a passkey: the challengeId of the options and the credential's JSON",
        responses: [
          [200, 'A new token', LoginResponseDto],
          [400, ERRORS[400]],
          [401, 'Refused passkey (one answer for every reason)'],
          [403, 'E-mail address not confirmed'],
          [429, ERRORS[429]],
        ],
      },
    },
  ],
  [
    PasskeyReauthenticationController,
    {
      reauthenticationOptions: {
        summary: 'Request options for re-authenticating with a passkey (POST reauthenticate takes the answer)',
        secured: true,
        responses: [
          [200, PASSKEY_OPTIONS],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
        ],
      },
    },
  ],
  [
    PasskeysController,
    {
      registrationOptions: {
        summary: 'Creation options for a new passkey (discoverable, user-verified, attestation none)',
        secured: true,
        responses: [
          [200, PASSKEY_OPTIONS],
          [401, ERRORS[401]],
          [403, ERRORS.reauthenticate],
        ],
      },
      register: {
        summary: "Add a passkey: the challengeId of the creation options, the credential's JSON and a name",
        secured: true,
        responses: [
          [201, '{ id, name, createdAt }'],
          [400, 'Refused: `errors` names challengeId, response or name'],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
        ],
      },
      list: {
        summary: "The user's passkeys: { id, name, createdAt, lastUsedAt }",
        secured: true,
        responses: [
          [200, 'Passkeys'],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
        ],
      },
      rename: {
        summary: 'Rename one of your passkeys',
        secured: true,
        param: 'id',
        responses: [
          [200, '{ id, name, createdAt, lastUsedAt }'],
          [400, ERRORS[400]],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
          [404, 'No such passkey of yours'],
        ],
      },
      remove: {
        summary: 'Remove one of your passkeys',
        secured: true,
        param: 'id',
        responses: [
          [204, 'Removed'],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
          [404, 'No such passkey of yours'],
        ],
      },
    },
  ],
  [
    ReauthenticationController,
    {
      reauthenticate: {
        summary:
          'Prove who you are again (password, a TOTP code with two-factor login on, or a passkey): creating credentials is allowed for a while',
        secured: true,
        responses: [
          [204, 'Proved'],
          [400, 'Wrong password or code, or a refused passkey; `errors` names the field'],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
          [429, ERRORS[429]],
        ],
      },
    },
  ],
  [
    MfaController,
    {
      setup: {
        summary: 'A new TOTP secret (base32 and otpauth URL) for an authenticator app; nothing is on until enabled',
        secured: true,
        responses: [
          [200, '{ secret, otpauthUrl }'],
          [401, ERRORS[401]],
          [403, ERRORS.reauthenticate],
          [409, 'Already on'],
        ],
      },
      enable: {
        summary: 'Turn two-factor login on with a code; answers the ten recovery codes once',
        secured: true,
        responses: [
          [200, '{ recoveryCodes }'],
          [400, ERRORS[400]],
          [401, ERRORS[401]],
          [403, ERRORS.reauthenticate],
          [429, ERRORS[429]],
        ],
      },
      disable: {
        summary: 'Turn two-factor login off (needs the password)',
        secured: true,
        responses: [
          [204, 'Off'],
          [400, ERRORS[400]],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
          [429, ERRORS[429]],
        ],
      },
      recoveryCodes: {
        summary: 'New recovery codes (needs the password); the old ones stop working',
        secured: true,
        responses: [
          [200, '{ recoveryCodes }'],
          [400, ERRORS[400]],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
          [429, ERRORS[429]],
        ],
      },
    },
  ],
  [
    SessionsController,
    {
      list: {
        summary: "The user's live login tokens, most recently used first",
        secured: true,
        responses: [
          [200, 'Sessions', [SessionDto]],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
        ],
      },
      revoke: {
        summary: 'Revoke one of your sessions',
        secured: true,
        param: 'id',
        responses: [
          [204, 'Revoked'],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
          [404, 'No such session of yours'],
        ],
      },
      revokeAll: {
        summary: 'Log out everywhere (login tokens; API tokens stay)',
        secured: true,
        responses: [
          [204, 'All revoked'],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
        ],
      },
    },
  ],
  [
    ApiTokensController,
    {
      create: {
        summary: 'Create an API token (personal access token) with scopes; the token is shown this once',
        secured: true,
        responses: [
          [201, 'The new token', CreatedApiTokenDto],
          [400, ERRORS[400]],
          [401, ERRORS[401]],
          [403, ERRORS.reauthenticate],
          [409, 'Too many API tokens'],
        ],
      },
      list: {
        summary: "The user's live API tokens",
        secured: true,
        responses: [
          [200, 'API tokens', [ApiTokenDto]],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
        ],
      },
      revoke: {
        summary: 'Revoke one of your API tokens',
        secured: true,
        param: 'id',
        responses: [
          [204, 'Revoked'],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
          [404, 'No such API token of yours'],
        ],
      },
    },
  ],
  [
    RegistrationController,
    {
      register: {
        summary: 'Create an account (404 when registration is off)',
        responses: [
          [201, 'Created', SuccessResponseDto],
          [400, ERRORS[400]],
          [503, ERRORS[503]],
        ],
      },
      resend: {
        summary: 'Mail a fresh confirmation link',
        responses: [
          [202, 'Accepted whatever the address', SuccessResponseDto],
          [429, ERRORS[429]],
        ],
      },
      confirmByGet: {
        summary: 'Open a confirmation link',
        param: 'token',
        responses: [
          [302, 'To the success or invalid page'],
          [400, 'Invalid or expired link (plain text)'],
        ],
      },
      confirmByPost: {
        summary: 'Open a confirmation link (POST)',
        param: 'token',
        responses: [
          [302, 'To the success or invalid page'],
          [400, 'Invalid or expired link (plain text)'],
        ],
      },
    },
  ],
  [
    PasswordChangeController,
    {
      change: {
        summary: 'Change the password; logs out the other sessions',
        secured: true,
        responses: [
          [204, 'Changed'],
          [400, ERRORS[400]],
          [401, ERRORS[401]],
          [403, ERRORS[403]],
          [429, ERRORS[429]],
        ],
      },
    },
  ],
  [
    PasswordResetController,
    {
      requestReset: {
        summary: 'Mail a password-reset link',
        responses: [
          [202, 'Accepted whatever the address', SuccessResponseDto],
          [429, ERRORS[429]],
        ],
      },
      confirmReset: {
        summary: 'Set a new password with a reset token; logs out everywhere',
        responses: [
          [204, 'Changed'],
          [400, 'Invalid, used or expired token, or a weak password'],
        ],
      },
    },
  ],
];

const PASSKEY_ANSWER = {
  challengeId: { format: 'uuid' },
  response: {
    type: 'object',
    description: "The credential's JSON (toJSON()): RegistrationResponseJSON or AuthenticationResponseJSON",
  },
};

const PROPERTIES: [Type<object>, Record<string, Record<string, unknown>>][] = [
  [RevokeTokensDto, { tokens: { type: [String], maxItems: 100, example: ['nat_0s3Xh…'] } }],
  [
    LoginDto,
    { username: { example: 'alice', maxLength: 254 }, password: { example: 'correct horse battery', maxLength: 1024 } },
  ],
  [
    RegisterDto,
    {
      username: { example: 'alice', maxLength: 150 },
      password: { example: 'correct horse battery' },
      email: { required: false, example: 'alice@example.com' },
    },
  ],
  [ResendConfirmationDto, { email: { required: false, example: 'alice@example.com' }, username: { required: false } }],
  [ChangePasswordDto, { currentPassword: {}, newPassword: {} }],
  [RequestPasswordResetDto, { email: { example: 'alice@example.com' } }],
  [ConfirmPasswordResetDto, { token: {}, newPassword: {} }],
  [
    LoginResponseDto,
    {
      token: { example: 'nat_0s3Xh…' },
      expiresAt: { type: String, format: 'date-time' },
      user: { required: false, type: 'object' },
    },
  ],
  [SuccessResponseDto, { success: { example: true } }],
  [
    SessionDto,
    {
      id: { format: 'uuid' },
      createdAt: { type: String, format: 'date-time' },
      lastUsedAt: { type: String, format: 'date-time' },
      expiresAt: { type: String, format: 'date-time' },
      userAgent: { type: String, nullable: true },
      device: { type: String, nullable: true, example: 'Chrome 138 on Linux' },
      ip: { type: String, nullable: true },
      current: {},
    },
  ],
  [
    MfaLoginDto,
    {
      mfaToken: { example: 'natmfa_…' },
      code: { required: false, example: '123456' },
      recoveryCode: { required: false, example: 'abcd-efgh-ijkl' },
      challengeId: { required: false, format: 'uuid' },
      response: { required: false, type: 'object', description: "A passkey's answer: the credential's toJSON()" },
    },
  ],
  [MfaPasskeyOptionsDto, { mfaToken: { example: 'natmfa_…' } }],
  [PasskeyAnswerDto, PASSKEY_ANSWER],
  [RegisterPasskeyDto, { ...PASSKEY_ANSWER, name: { required: false, example: 'Laptop', maxLength: 100 } }],
  [RenamePasskeyDto, { name: { example: 'Laptop', maxLength: 100 } }],
  [EnableTotpDto, { code: { example: '123456' } }],
  [MfaPasswordDto, { password: {} }],
  [
    ReauthenticateDto,
    {
      password: { required: false },
      code: { required: false, example: '123456' },
      challengeId: { required: false, format: 'uuid' },
      response: { required: false, type: 'object', description: "A passkey's answer: the credential's toJSON()" },
    },
  ],
  [
    CreateApiTokenDto,
    {
      name: { example: 'CI deploy', maxLength: 100 },
      scopes: { required: false, type: [String], example: ['orders:read'] },
      expiresIn: { required: false, type: Number, example: 7_776_000 },
    },
  ],
  [
    ApiTokenDto,
    {
      id: { format: 'uuid' },
      name: {},
      scopes: { type: [String] },
      createdAt: { type: String, format: 'date-time' },
      lastUsedAt: { type: String, format: 'date-time', nullable: true },
      expiresAt: { type: String, format: 'date-time' },
    },
  ],
  [
    CreatedApiTokenDto,
    {
      token: { example: 'natapi_0s3Xh…' },
      id: { format: 'uuid' },
      name: {},
      scopes: { type: [String] },
      createdAt: { type: String, format: 'date-time' },
      expiresAt: { type: String, format: 'date-time' },
    },
  ],
];

const INFERRED_TYPES: Record<string, unknown> = { current: Boolean, success: Boolean };

let described = false;

/**
 * Adds OpenAPI metadata to the library's routes and bodies, for @nestjs/swagger (an optional peer the library
 * does not import). Call it before `SwaggerModule.createDocument`, and declare the scheme the routes use:
 *
 * @example
 * import * as swagger from '@nestjs/swagger';
 * describeAuthTokenApi(swagger);
 * const config = new swagger.DocumentBuilder().addBearerAuth({ type: 'http', scheme: 'bearer' }, 'token').build();
 */
export function describeAuthTokenApi(swagger: SwaggerDecorators, { securityName = 'token', tag = 'auth' } = {}): void {
  if (described) return;
  described = true;
  for (const [dto, properties] of PROPERTIES) {
    for (const [name, options] of Object.entries(properties)) {
      swagger.ApiProperty({ type: INFERRED_TYPES[name] ?? String, ...options })(dto.prototype, name);
    }
  }
  for (const [controller, operations] of OPERATIONS) {
    swagger.ApiTags(tag)(controller);
    for (const [method, operation] of Object.entries(operations)) {
      const descriptor = Object.getOwnPropertyDescriptor(controller.prototype, method) as PropertyDescriptor;
      const apply = (decorator: AnyDecorator) => decorator(controller.prototype, method, descriptor);
      apply(swagger.ApiOperation({ summary: operation.summary }));
      if (operation.secured) apply(swagger.ApiBearerAuth(securityName));
      if (operation.param) apply(swagger.ApiParam({ name: operation.param, type: String }));
      for (const [status, description, type] of operation.responses)
        apply(swagger.ApiResponse({ status, description, ...(type ? { type } : {}) }));
    }
  }
}

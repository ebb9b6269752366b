import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AuthTokenConfigError } from '../../core/errors/auth-token-config.error.js';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';

/** The package that verifies WebAuthn answers: an optional peer, loaded only by a host that turns passkeys on. */
export const WEBAUTHN_PACKAGE = '@simplewebauthn/server';

/** How a browser may reach an authenticator (WebAuthn's AuthenticatorTransport); others are dropped. */
export const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
export type Transport = (typeof TRANSPORTS)[number];

type Credential = { id: string; transports?: Transport[] };

/**
 * The parts of @simplewebauthn/server 13 that the feature calls, typed here so that no declaration file a host
 * compiles names the package (a host without passkeys does not install it). The real module is checked against
 * this shape where it is loaded.
 */
export interface WebAuthnServer {
  generateRegistrationOptions(options: {
    rpName: string;
    rpID: string;
    userName: string;
    userID: Uint8Array<ArrayBuffer>;
    challenge: Uint8Array<ArrayBuffer>;
    userDisplayName: string;
    timeout: number;
    attestationType: 'none';
    excludeCredentials: Credential[];
    authenticatorSelection: { residentKey: 'required'; userVerification: 'required' | 'preferred' };
    supportedAlgorithmIDs: number[];
  }): Promise<object>;
  verifyRegistrationResponse(options: {
    response: never;
    expectedChallenge: string;
    expectedOrigin: string[];
    expectedRPID: string;
    requireUserPresence: boolean;
    requireUserVerification: boolean;
    supportedAlgorithmIDs: number[];
  }): Promise<{
    verified: boolean;
    registrationInfo?: {
      aaguid: string;
      credential: { id: string; publicKey: Uint8Array; counter: number };
      credentialDeviceType: string;
      credentialBackedUp: boolean;
    };
  }>;
  generateAuthenticationOptions(options: {
    rpID: string;
    allowCredentials: Credential[];
    challenge: Uint8Array<ArrayBuffer>;
    timeout: number;
    userVerification: 'required' | 'preferred';
  }): Promise<object>;
  verifyAuthenticationResponse(options: {
    response: never;
    expectedChallenge: string;
    expectedOrigin: string[];
    expectedRPID: string;
    credential: { id: string; publicKey: Uint8Array<ArrayBuffer>; counter: number };
    requireUserVerification: boolean;
  }): Promise<{ verified: boolean; authenticationInfo: { newCounter: number; credentialBackedUp: boolean } }>;
}

/** Loads the package, or stops the boot with an error that names it. */
export async function loadWebAuthnServer(): Promise<WebAuthnServer> {
  try {
    return await import('@simplewebauthn/server');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new AuthTokenConfigError(
        'passkeys',
        `needs the ${WEBAUTHN_PACKAGE} package (13.x), which is not installed: npm install ${WEBAUTHN_PACKAGE}@13`,
      );
    throw error;
  }
}

/** The WebAuthn library, loaded when the app starts with passkeys on; never loaded with them off. */
@Injectable()
export class WebAuthn implements OnModuleInit {
  private server: WebAuthnServer | null = null;

  constructor(@Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions) {}

  async onModuleInit(): Promise<void> {
    if (this.options.passkeys.enabled) this.server = await loadWebAuthnServer();
  }

  get library(): WebAuthnServer {
    if (!this.server) throw new Error('Passkeys are off: set passkeys.rpId');
    return this.server;
  }
}

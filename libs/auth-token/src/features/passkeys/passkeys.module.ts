import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { authPasskeyChallengeEntityFor } from './auth-passkey-challenge.entity.js';
import { authPasskeyEntityFor } from './auth-passkey.entity.js';
import { PasskeyAssertions } from './passkey-assertions.js';
import { PasskeyChallenges } from './passkey-challenges.js';
import { PasskeyConfirmation } from './passkey-confirmation.js';
import { PasskeyLoginController } from './passkey-login.controller.js';
import { PasskeyLoginService } from './passkey-login.service.js';
import { PasskeyReauthenticationController } from './passkey-reauthentication.controller.js';
import { PasskeyRegistration } from './passkey-registration.js';
import {
  AUTH_PASSKEY_CHALLENGE_REPOSITORY,
  AUTH_PASSKEY_REPOSITORY,
  passkeyRepositoryProvider,
} from './passkey-repositories.js';
import { PasskeyTablesCheck } from './passkey-tables-check.js';
import { PasskeyService } from './passkey.service.js';
import { PasskeysController } from './passkeys.controller.js';
import { WebAuthn } from './webauthn-server.js';

/**
 * Passkeys (WebAuthn): adding, listing, renaming and removing them, passwordless login, and the assertions the
 * two-factor and re-authentication features take as proofs. @simplewebauthn/server is loaded only when on.
 */
@Module({
  providers: [
    WebAuthn,
    PasskeyTablesCheck,
    PasskeyChallenges,
    PasskeyService,
    PasskeyRegistration,
    PasskeyAssertions,
    PasskeyConfirmation,
    PasskeyLoginService,
  ],
  exports: [PasskeyService, PasskeyAssertions, PasskeyConfirmation],
})
export class PasskeysModule {
  static register({ core, userEntity, mount }: FeatureContext, needs: { throttling: DynamicModule }): DynamicModule {
    const passkey = authPasskeyEntityFor(userEntity);
    const challenge = authPasskeyChallengeEntityFor(userEntity);
    return {
      module: PasskeysModule,
      imports: [core, needs.throttling, TypeOrmModule.forFeature([passkey, challenge])],
      controllers: mount([PasskeysController, PasskeyLoginController, PasskeyReauthenticationController]),
      providers: [
        passkeyRepositoryProvider(AUTH_PASSKEY_REPOSITORY, passkey),
        passkeyRepositoryProvider(AUTH_PASSKEY_CHALLENGE_REPOSITORY, challenge),
      ],
      exports: [AUTH_PASSKEY_REPOSITORY],
    };
  }
}

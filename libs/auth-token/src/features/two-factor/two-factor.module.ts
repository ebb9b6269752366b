import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { AUTH_MFA_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import { repositoryProvider } from '../../core/module/repositories.js';
import { SecondStep } from '../login/second-step.js';
import { authMfaEntityFor } from './auth-mfa.entity.js';
import { MfaChallenges } from './mfa-challenges.js';
import { MfaLoginController } from './mfa-login.controller.js';
import { MfaLoginService } from './mfa-login.service.js';
import { MfaController } from './mfa.controller.js';
import { MfaService } from './mfa.service.js';

/** TOTP and recovery codes, and the second step of a login (the login feature's `SecondStep`), passkeys included. */
@Module({
  providers: [MfaService, MfaChallenges, MfaLoginService, { provide: SecondStep, useExisting: MfaLoginService }],
  exports: [MfaService, SecondStep],
})
export class TwoFactorModule {
  static register(
    { core, userEntity, mount }: FeatureContext,
    needs: { throttling: DynamicModule; passwords: DynamicModule; passkeys: DynamicModule },
  ): DynamicModule {
    const entity = authMfaEntityFor(userEntity);
    return {
      module: TwoFactorModule,
      imports: [core, needs.throttling, needs.passwords, needs.passkeys, TypeOrmModule.forFeature([entity])],
      controllers: mount([MfaController, MfaLoginController]),
      providers: [repositoryProvider(AUTH_MFA_REPOSITORY, entity)],
      exports: [AUTH_MFA_REPOSITORY],
    };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { ReauthenticationController } from './reauthentication.controller.js';
import { ReauthenticationService } from './reauthentication.service.js';

/** `POST reauthenticate`: a fresh proof of identity (password, a second-factor code, a passkey) for sudo mode. */
@Module({ providers: [ReauthenticationService], exports: [ReauthenticationService] })
export class ReauthenticationModule {
  static register(
    { core, mount }: FeatureContext,
    needs: { passwords: DynamicModule; twoFactor: DynamicModule; passkeys: DynamicModule },
  ): DynamicModule {
    return {
      module: ReauthenticationModule,
      imports: [core, needs.passwords, needs.twoFactor, needs.passkeys],
      controllers: mount([ReauthenticationController]),
    };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { ClientHashSlots } from './client-hash-slots.js';
import { PasswordChangeController } from './password-change.controller.js';
import { PasswordCheck } from './password-check.js';
import { PasswordPolicy } from './password-policy.js';
import { passwordPolicyProvider } from './password-policy.provider.js';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordService } from './password.service.js';

/** Password change and reset, the password policy, and the one password check the other features use. */
@Module({
  providers: [passwordPolicyProvider, ClientHashSlots, PasswordCheck, PasswordService],
  exports: [PasswordPolicy, ClientHashSlots, PasswordCheck, PasswordService],
})
export class PasswordsModule {
  static register(
    { core, mount }: FeatureContext,
    needs: { throttling: DynamicModule; mailedLinks: DynamicModule },
  ): DynamicModule {
    return {
      module: PasswordsModule,
      imports: [core, needs.throttling, needs.mailedLinks],
      controllers: mount([PasswordChangeController, PasswordResetController]),
    };
  }
}

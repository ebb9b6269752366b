import { Module, type DynamicModule } from '@nestjs/common';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { EmailConfirmationService } from './email-confirmation.service.js';
import { RegistrationController } from './registration.controller.js';
import { RegistrationService } from './registration.service.js';
import { SkeletonColumnCheck } from './skeleton-column-check.js';

/** Registration, e-mail confirmation and its resend. */
@Module({
  providers: [RegistrationService, EmailConfirmationService, SkeletonColumnCheck],
  exports: [RegistrationService, EmailConfirmationService],
})
export class RegistrationModule {
  static register(
    { core, mount }: FeatureContext,
    needs: { throttling: DynamicModule; mailedLinks: DynamicModule; passwords: DynamicModule },
  ): DynamicModule {
    return {
      module: RegistrationModule,
      imports: [core, needs.throttling, needs.mailedLinks, needs.passwords],
      controllers: mount([RegistrationController]),
    };
  }
}

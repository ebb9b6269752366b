import { Module, type DynamicModule } from '@nestjs/common';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { LoginController } from './login.controller.js';
import { LoginService } from './login.service.js';

/** Login, logout and `me`; the step after the password comes from the module given as `secondStep`. */
@Module({ providers: [LoginService], exports: [LoginService] })
export class LoginModule {
  static register(
    { core, mount }: FeatureContext,
    needs: { throttling: DynamicModule; passwords: DynamicModule; secondStep: DynamicModule },
  ): DynamicModule {
    return {
      module: LoginModule,
      imports: [core, needs.throttling, needs.passwords, needs.secondStep],
      controllers: mount([LoginController]),
    };
  }
}

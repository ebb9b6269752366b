import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { AUTH_THROTTLE_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import { repositoryProvider } from '../../core/module/repositories.js';
import { AuthThrottle } from './auth-throttle.entity.js';
import { LoginThrottle } from './login-throttle.service.js';
import { MailThrottle } from './mail-throttle.service.js';
import { ThrottleService } from './throttle.service.js';

/** Counters in the database, shared by every instance: login attempts, registrations, mail. */
@Module({
  providers: [ThrottleService, LoginThrottle, MailThrottle],
  exports: [ThrottleService, LoginThrottle, MailThrottle],
})
export class ThrottlingModule {
  static register({ core }: FeatureContext): DynamicModule {
    return {
      module: ThrottlingModule,
      imports: [core, TypeOrmModule.forFeature([AuthThrottle])],
      providers: [repositoryProvider(AUTH_THROTTLE_REPOSITORY, AuthThrottle)],
      exports: [AUTH_THROTTLE_REPOSITORY],
    };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { AUTH_SECURITY_EVENT_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import { repositoryProvider } from '../../core/module/repositories.js';
import { authSecurityEventEntityFor } from './auth-security-event.entity.js';
import { SecurityLogController } from './security-log.controller.js';
import { SecurityLog } from './security-log.service.js';

/** Each user's security log, written from the library's events, and `GET security-log`. */
@Module({ providers: [SecurityLog], exports: [SecurityLog] })
export class SecurityLogModule {
  static register({ core, userEntity, mount }: FeatureContext): DynamicModule {
    const entity = authSecurityEventEntityFor(userEntity);
    return {
      module: SecurityLogModule,
      imports: [core, TypeOrmModule.forFeature([entity])],
      controllers: mount([SecurityLogController]),
      providers: [repositoryProvider(AUTH_SECURITY_EVENT_REPOSITORY, entity)],
      exports: [AUTH_SECURITY_EVENT_REPOSITORY],
    };
  }
}

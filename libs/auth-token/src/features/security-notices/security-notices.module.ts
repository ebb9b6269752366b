import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { AUTH_KNOWN_DEVICE_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import { repositoryProvider } from '../../core/module/repositories.js';
import { authKnownDeviceEntityFor } from './auth-known-device.entity.js';
import { KnownDevices } from './known-devices.js';
import { SecurityNotices } from './security-notices.service.js';

/** Mails about what happens to an account, the new-device notice and the devices each user signed in from. */
@Module({ providers: [KnownDevices, SecurityNotices], exports: [KnownDevices, SecurityNotices] })
export class SecurityNoticesModule {
  static register({ core, userEntity }: FeatureContext, throttling: DynamicModule): DynamicModule {
    const entity = authKnownDeviceEntityFor(userEntity);
    return {
      module: SecurityNoticesModule,
      imports: [core, throttling, TypeOrmModule.forFeature([entity])],
      providers: [repositoryProvider(AUTH_KNOWN_DEVICE_REPOSITORY, entity)],
      exports: [AUTH_KNOWN_DEVICE_REPOSITORY],
    };
  }
}

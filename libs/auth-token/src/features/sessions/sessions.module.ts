import { Module, type DynamicModule } from '@nestjs/common';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { SessionsController } from './sessions.controller.js';

/** The user's login tokens: list them, revoke one, log out everywhere. */
@Module({})
export class SessionsModule {
  static register({ core, mount }: FeatureContext): DynamicModule {
    return { module: SessionsModule, imports: [core], controllers: mount([SessionsController]) };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { TokenPurgeService } from './token-purge.service.js';

/** The purge of expired rows (tokens, mailed links, counters, old security log entries) and the reminders of expiring API tokens. */
@Module({ providers: [TokenPurgeService], exports: [TokenPurgeService] })
export class CleanupModule {
  static register(
    { core }: FeatureContext,
    needs: { throttling: DynamicModule; mailedLinks: DynamicModule; securityLog: DynamicModule },
  ): DynamicModule {
    return { module: CleanupModule, imports: [core, needs.throttling, needs.mailedLinks, needs.securityLog] };
  }
}

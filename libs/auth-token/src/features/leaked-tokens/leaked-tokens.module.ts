import { Module, type DynamicModule } from '@nestjs/common';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { LeakReportController } from './leak-report.controller.js';
import { LeakedTokens } from './leaked-tokens.service.js';
import { ReportSignature } from './report-signature.js';
import { SigningKeys } from './signing-keys.js';
import { TokenRevocationController } from './token-revocation.controller.js';

/** Leaked tokens: GitHub's secret-scanning reports (signed) and revocation by whoever finds a token. */
@Module({
  providers: [SigningKeys, ReportSignature, LeakedTokens],
  exports: [ReportSignature, LeakedTokens],
})
export class LeakedTokensModule {
  static register({ core, mount }: FeatureContext, throttling: DynamicModule): DynamicModule {
    return {
      module: LeakedTokensModule,
      imports: [core, throttling],
      controllers: mount([LeakReportController, TokenRevocationController]),
    };
  }
}

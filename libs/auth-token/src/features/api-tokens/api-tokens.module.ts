import { Module, type DynamicModule } from '@nestjs/common';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { ApiTokenService } from './api-token.service.js';
import { ApiTokensController } from './api-tokens.controller.js';

/** Personal access tokens with scopes. Their token kind is a core seam: see `apiTokenKindProvider`. */
@Module({ providers: [ApiTokenService], exports: [ApiTokenService] })
export class ApiTokensModule {
  static register({ core, mount }: FeatureContext): DynamicModule {
    return { module: ApiTokensModule, imports: [core], controllers: mount([ApiTokensController]) };
  }
}

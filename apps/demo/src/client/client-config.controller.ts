import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DEMO_CONFIG } from '../config/demo-config.token.js';
import type { DemoConfig } from '../config/demo-config.js';
import { DEMO_SCOPES } from '../hello/demo-scopes.js';

/** What the demo page needs to know to show the right forms. */
@ApiTags('demo')
@Controller('api')
export class ClientConfigController {
  constructor(@Inject(DEMO_CONFIG) private readonly config: DemoConfig) {}

  @Get('config')
  @ApiOkResponse({
    description: 'Which optional features are on, and what an API token may be given',
    schema: { example: { registration: true, emailConfirm: false, scopes: DEMO_SCOPES, apiTokenMaxTtl: 31_536_000 } },
  })
  clientConfig() {
    const { registration, emailConfirm, apiTokenMaxTtl } = this.config;
    return { registration, emailConfirm, scopes: DEMO_SCOPES, apiTokenMaxTtl };
  }
}

import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DEMO_CONFIG } from '../config/demo-config.token.js';
import type { DemoConfig } from '../config/demo-config.js';

/** What the demo page needs to know to show the right forms. */
@ApiTags('demo')
@Controller('api')
export class ClientConfigController {
  constructor(@Inject(DEMO_CONFIG) private readonly config: DemoConfig) {}

  @Get('config')
  @ApiOkResponse({ description: 'Which optional features are on', schema: { example: { registration: true, emailConfirm: false } } })
  clientConfig() {
    return { registration: this.config.registration, emailConfirm: this.config.emailConfirm };
  }
}

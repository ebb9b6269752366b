import { Get, UseGuards } from '@nestjs/common';
import { AuthTokenGuard } from '../../core/guard/auth-token.guard.js';
import { CurrentUser } from '../../core/guard/current-user.decorator.js';
import { RequireLoginToken } from '../../core/guard/require-scopes.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { SecurityLog, type SecurityLogEntry } from './security-log.service.js';

export const securityLogOn = (options: ResolvedAuthTokenOptions) => options.securityLog.enabled;

/** `GET security-log` under the route prefix: the signed-in user's security log; login tokens only. */
@UseGuards(AuthTokenGuard)
@RequireLoginToken()
@WhenEnabled(securityLogOn)
@AuthTokenRoutes()
export class SecurityLogController {
  constructor(private readonly log: SecurityLog) {}

  /** The newest 100 entries, newest first. */
  @Get('security-log')
  async list(@CurrentUser() user: object): Promise<{ events: SecurityLogEntry[] }> {
    return { events: await this.log.list(user) };
  }
}

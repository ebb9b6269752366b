import { Headers, HttpCode, HttpStatus, Logger, Post, Req } from '@nestjs/common';
import { Public } from '../../core/guard/public.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { BodyLimit } from '../../core/http/body-limits.js';
import { RequestClient, type RequestClientInfo } from '../../core/http/request-client.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { LeakReportShapeException, RawBodyMissingException } from './leaked-tokens.exceptions.js';
import { LeakedTokens, type LeakReportEntry, type LeakReportFeedback } from './leaked-tokens.service.js';
import { bodyParsedWithoutRaw, rawBodyOf } from './raw-body.js';
import { ReportSignature } from './report-signature.js';

export const leakedTokensOn = (options: ResolvedAuthTokenOptions) => options.leakedTokens.enabled;

/** Largest report taken: GitHub batches its matches. */
export const LEAK_REPORT_LIMIT = 1024 * 1024;

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** The entries of a report, or a 400 for anything but the partner program's JSON array. */
function entriesOf(body: Buffer): LeakReportEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new LeakReportShapeException();
  }
  if (!Array.isArray(parsed)) throw new LeakReportShapeException();
  return parsed.map((entry: unknown) => {
    const { token, type, url, source } = (entry ?? {}) as Record<string, unknown>;
    if (typeof entry !== 'object' || typeof token !== 'string' || ![type, url, source].every(optionalString))
      throw new LeakReportShapeException();
    return {
      token,
      type: type as string | undefined,
      url: url as string | undefined,
      source: source as string | undefined,
    };
  });
}

/**
 * `POST tokens/leaked` under the route prefix: the endpoint of GitHub's secret-scanning partner program. Works
 * whether API tokens are on or off (login tokens leak too). Its body is read raw, signature first, and may be up
 * to 1 MB (batched matches).
 */
@Public()
@WhenEnabled(leakedTokensOn)
@BodyLimit(LEAK_REPORT_LIMIT)
@AuthTokenRoutes()
export class LeakReportController {
  private readonly logger = new Logger('AuthToken');

  constructor(
    private readonly signature: ReportSignature,
    private readonly leaked: LeakedTokens,
  ) {}

  /** A signed report of tokens found in public: the live ones are revoked; the answer labels each entry. */
  @Post('tokens/leaked')
  @HttpCode(HttpStatus.OK)
  async report(
    @Req() request: object,
    @Headers('github-public-key-identifier') keyIdentifier: string | undefined,
    @Headers('github-public-key-signature') signature: string | undefined,
    @RequestClient() client: RequestClientInfo,
  ): Promise<LeakReportFeedback[]> {
    const body = rawBodyOf(request);
    if (!body && bodyParsedWithoutRaw(request)) {
      this.logger.error(
        'A leaked-token report cannot be checked: create the app with NestFactory.create(AppModule, { rawBody: true })',
      );
      throw new RawBodyMissingException();
    }
    const raw = body ?? Buffer.alloc(0);
    await this.signature.check(raw, keyIdentifier, signature);
    return this.leaked.report(entriesOf(raw), { reportedBy: 'secret-scanning', client });
  }
}

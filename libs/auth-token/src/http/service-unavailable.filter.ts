import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AuthTokenUnavailableException } from '../errors/auth-token.exceptions.js';

/** An HTTP answer that needs headers of its own (a 429's or a busy 503's `Retry-After`). */
const headersOf = (error: HttpException): Record<string, string> => {
  const { headers } = error as { headers?: unknown };
  return headers !== null && typeof headers === 'object' ? (headers as Record<string, string>) : {};
};

/**
 * On the library's routes, an error that is not an HTTP answer means a backing service failed (the database,
 * the mail server): answer 503 with a JSON body instead of a 500 with a stack, and log the cause. An answer
 * that carries headers (`Retry-After`) gets them.
 */
@Catch()
export class ServiceUnavailableFilter implements ExceptionFilter {
  private readonly logger = new Logger('AuthToken');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (!(error instanceof HttpException)) {
      this.logger.error(`Request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const answer = error instanceof HttpException ? error : new AuthTokenUnavailableException();
    for (const [name, value] of Object.entries(headersOf(answer))) response.setHeader(name, value);
    response.status(answer.getStatus()).json(answer.getResponse());
  }
}

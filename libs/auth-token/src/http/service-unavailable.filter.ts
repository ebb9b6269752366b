import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AuthTokenUnavailableException } from '../errors/auth-token.exceptions.js';
import { TooManyAttemptsException } from '../throttle/too-many-requests.exception.js';

/**
 * On the library's routes, an error that is not an HTTP answer means a backing service failed (the database,
 * the mail server): answer 503 with a JSON body instead of a 500 with a stack, and log the cause. A 429 gets
 * its `Retry-After` header.
 */
@Catch()
export class ServiceUnavailableFilter implements ExceptionFilter {
  private readonly logger = new Logger('AuthToken');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const answer = error instanceof HttpException ? error : new AuthTokenUnavailableException();
    if (error instanceof TooManyAttemptsException) response.setHeader('Retry-After', String(error.retryAfter));
    if (!(error instanceof HttpException)) {
      this.logger.error(`Request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    response.status(answer.getStatus()).json(answer.getResponse());
  }
}

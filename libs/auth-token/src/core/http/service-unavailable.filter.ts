import {
  Catch,
  HttpException,
  InternalServerErrorException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { AuthTokenUnavailableException } from '../errors/auth-token.exceptions.js';
import { isOutage } from '../errors/outage.js';
import { sendJson, setHeader, type HttpResponse } from './platform.js';

/** An HTTP answer that needs headers of its own (a 429's or a busy 503's `Retry-After`). */
const headersOf = (error: HttpException): Record<string, string> => {
  const { headers } = error as { headers?: unknown };
  return headers !== null && typeof headers === 'object' ? (headers as Record<string, string>) : {};
};

/**
 * On the library's routes: an error that means a backing service is down (the database, the mail server) is
 * a 503 with a JSON body, the client may retry; any other error that is not an HTTP answer (a missing table, a
 * schema mismatch, a bug) is a 500. Both are logged with their cause, never with a stack in the answer. An
 * answer that carries headers (`Retry-After`) gets them.
 */
@Catch()
export class ServiceUnavailableFilter implements ExceptionFilter {
  private readonly logger = new Logger('AuthToken');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    let answer: HttpException;
    if (error instanceof HttpException) answer = error;
    else if (isOutage(error)) {
      this.logger.error(
        `Request failed, a backing service is unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
      answer = new AuthTokenUnavailableException();
    } else {
      this.logger.error(`Request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      answer = new InternalServerErrorException();
    }
    for (const [name, value] of Object.entries(headersOf(answer))) setHeader(response, name, value);
    sendJson(response, answer.getStatus(), answer.getResponse());
  }
}

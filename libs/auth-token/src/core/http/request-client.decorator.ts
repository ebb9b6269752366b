import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { clientIp } from './client-ip.decorator.js';
import type { HttpRequest } from './platform.js';

/** Who sent a request, as the library's events and security notices describe them. */
export interface RequestClientInfo {
  /** See {@link clientIp}. */
  ip: string;
  userAgent?: string;
  acceptLanguage?: string;
}

const header = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** The request's client in a controller: its address (see {@link clientIp}), `User-Agent` and `Accept-Language`. */
export const RequestClient = createParamDecorator((_data: unknown, context: ExecutionContext): RequestClientInfo => {
  const request = context.switchToHttp().getRequest<HttpRequest>();
  return {
    ip: clientIp(request),
    userAgent: header(request, 'user-agent'),
    acceptLanguage: header(request, 'accept-language'),
  };
});

import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { setHeader, type HttpResponse } from './platform.js';

/** Marks every auth response, errors included, as not cacheable: they carry tokens and personal data. */
@Injectable()
export class NoStoreInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    setHeader(context.switchToHttp().getResponse<HttpResponse>(), 'Cache-Control', 'no-store');
    return next.handle();
  }
}

import {
  applyDecorators,
  Inject,
  Injectable,
  NotFoundException,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
  type Type,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AUTH_TOKEN_OPTIONS } from '../module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { requestPath, type HttpRequest } from './platform.js';

type FeatureCheck = (options: ResolvedAuthTokenOptions) => boolean;
const FEATURE_KEY = 'auth-token:feature';

/** Answers a switched-off feature's route exactly like a route that does not exist, before any body parsing. */
@Injectable()
export class RouteEnabledGuard implements CanActivate {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const isEnabled = this.reflector.getAllAndOverride<FeatureCheck | undefined>(FEATURE_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!isEnabled || isEnabled(this.options)) return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    throw new NotFoundException(`Cannot ${request.method} ${requestPath(request)}`);
  }
}

/** Serves the route only while `isEnabled(options)` holds; a 404 otherwise. */
export const WhenEnabled = (isEnabled: FeatureCheck) =>
  applyDecorators(SetMetadata(FEATURE_KEY, isEnabled), UseGuards(RouteEnabledGuard));

/** Whether `controller` serves under `options`: false for a controller marked `@WhenEnabled(...)` whose feature is off. */
export function isMountedWith(controller: Type<object>, options: ResolvedAuthTokenOptions): boolean {
  const isEnabled = Reflect.getMetadata(FEATURE_KEY, controller) as FeatureCheck | undefined;
  return !isEnabled || isEnabled(options);
}

import { Module, type DynamicModule } from '@nestjs/common';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { WebSocketAuth } from './web-socket-auth.js';

/** Authentication at the handshake of a Socket.IO or `ws` gateway (`WebSocketAuth.protect(server)`). */
@Module({ providers: [WebSocketAuth], exports: [WebSocketAuth] })
export class WebSocketsModule {
  static register({ core }: FeatureContext, liveConnections: DynamicModule): DynamicModule {
    return { module: WebSocketsModule, imports: [core, liveConnections] };
  }
}

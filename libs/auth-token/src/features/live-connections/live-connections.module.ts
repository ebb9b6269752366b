import { Module, type DynamicModule } from '@nestjs/common';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { ConnectionOpener } from './connection-opener.js';
import { LiveConnections } from './live-connections.js';

/** Connections that outlive a request (sockets, subscriptions): checked when opened, closed when their token ends. */
@Module({ providers: [LiveConnections, ConnectionOpener], exports: [LiveConnections, ConnectionOpener] })
export class LiveConnectionsModule {
  static register({ core }: FeatureContext): DynamicModule {
    return { module: LiveConnectionsModule, imports: [core] };
  }
}

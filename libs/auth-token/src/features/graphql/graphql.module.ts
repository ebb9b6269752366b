import { Module, type DynamicModule } from '@nestjs/common';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { GraphqlSubscriptionAuth } from './graphql-subscription-auth.js';

/** Authentication of GraphQL subscriptions over graphql-ws (`GraphqlSubscriptionAuth.subscriptions()`). */
@Module({ providers: [GraphqlSubscriptionAuth], exports: [GraphqlSubscriptionAuth] })
export class GraphqlModule {
  static register({ core }: FeatureContext, liveConnections: DynamicModule): DynamicModule {
    return { module: GraphqlModule, imports: [core, liveConnections] };
  }
}

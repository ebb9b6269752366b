import { Injectable, Logger } from '@nestjs/common';
import type { ConnectionAuthentication } from '../../core/guard/connection-authentication.js';
import { subscriptionCredential } from '../../core/guard/transport-context.js';
import { ConnectionOpener } from '../live-connections/connection-opener.js';

/** graphql-ws's `Context` over `ws`, as far as used here (the library does not depend on graphql-ws). */
interface GraphqlWsContext {
  connectionParams?: Readonly<Record<string, unknown>> | null;
  extra: {
    socket: { close(code: number, reason: string): void };
    request?: { headers?: Record<string, unknown> };
  };
}

/** What graphql-ws's `onConnect` may answer: refuse (false), accept, or accept with the `connection_ack` payload. */
type ConnectAnswer = boolean | void | Record<string, unknown>;

/** graphql-ws hooks a host may still give; they run after the library's (`onConnect` only for a valid token). */
export interface GraphqlWsHooks {
  onConnect?(context: object): ConnectAnswer | Promise<ConnectAnswer>;
  onClose?(context: object, code?: number, reason?: string): void | Promise<void>;
}

/** What `GraphQLModule`'s `subscriptions` option takes for graphql-ws (`graphql-transport-ws`). */
export interface GraphqlSubscriptionsConfig {
  'graphql-ws': {
    onConnect(context: object): Promise<ConnectAnswer>;
    onClose(context: object, code?: number, reason?: string): Promise<void>;
  };
}

/** Close codes of graphql-ws: 4401 Unauthorized; 1013 "try again later" while the database is unavailable. */
export const GRAPHQL_WS_UNAUTHORIZED = 4401;
const TRY_AGAIN_LATER = 1013;
const INTERNAL_ERROR = 4500;

/**
 * Authentication of GraphQL subscriptions over graphql-ws (the `graphql-transport-ws` protocol), for
 * `GraphQLModule`'s `subscriptions` option:
 *
 * ```ts
 * GraphQLModule.forRootAsync<ApolloDriverConfig>({
 *   driver: ApolloDriver,
 *   inject: [GraphqlSubscriptionAuth],
 *   useFactory: (auth: GraphqlSubscriptionAuth) => ({ autoSchemaFile: true, subscriptions: auth.subscriptions() }),
 * })
 * ```
 *
 * The token comes from `connectionParams.authorization` (`"Token …"` or `"Bearer …"`, or the bare token), else
 * the upgrade request's `Authorization` header. Without a valid one the connection is closed with 4401 before
 * any operation; with one, subscription resolvers guarded by `AuthTokenGuard` take its user (`@CurrentUser()`)
 * and scopes without another lookup, and the connection is closed with 4401 as soon as the token is revoked
 * (on any instance) or expires.
 */
@Injectable()
export class GraphqlSubscriptionAuth {
  private readonly logger = new Logger('AuthToken');

  constructor(private readonly opener: ConnectionOpener) {}

  /** The `subscriptions` option: `{ 'graphql-ws': { onConnect, onClose, ...hooks } }`. */
  subscriptions(hooks: GraphqlWsHooks = {}): GraphqlSubscriptionsConfig {
    const watched = new WeakMap<object, () => void>();
    return {
      'graphql-ws': {
        onConnect: async (context: object) => {
          const connection = context as GraphqlWsContext;
          const { socket } = connection.extra;
          let result: Awaited<ReturnType<ConnectionOpener['check']>>;
          try {
            result = await this.opener.check(subscriptionCredential(connection));
          } catch (error) {
            this.logger.error(
              `Subscription handshake failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            );
            socket.close(INTERNAL_ERROR, 'Internal server error');
            return false;
          }
          // Closed here with graphql-ws's own code for it; returning false alone would close with 4403 Forbidden.
          if (result === 'unauthorized') socket.close(GRAPHQL_WS_UNAUTHORIZED, 'Unauthorized');
          if (result === 'unavailable') socket.close(TRY_AGAIN_LATER, 'Service Unavailable');
          if (typeof result === 'string') return false;
          const show = (current: ConnectionAuthentication) =>
            Object.assign(context, { user: current.user, authInfo: current.token });
          show(result.auth);
          watched.set(
            context,
            this.opener.watch(context, result, {
              close: () => socket.close(GRAPHQL_WS_UNAUTHORIZED, 'Unauthorized'),
              refreshed: show,
            }),
          );
          return hooks.onConnect ? hooks.onConnect(context) : true;
        },
        onClose: async (context: object, code?: number, reason?: string) => {
          watched.get(context)?.();
          watched.delete(context);
          await hooks.onClose?.(context, code, reason);
        },
      },
    };
  }
}

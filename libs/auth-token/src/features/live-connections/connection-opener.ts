import { Injectable, Logger } from '@nestjs/common';
import { establishAuthentication, type ConnectionAuthentication } from '../../core/guard/connection-authentication.js';
import { isOutage } from '../../core/errors/outage.js';
import { TokenService } from '../../core/tokens/token.service.js';
import { LiveConnections, type LiveConnectionHooks } from './live-connections.js';

/** Why a connection was not opened. */
export type Refusal = 'unauthorized' | 'unavailable';

/** A connection's token, checked: its authentication, and the live connections' mark taken before the check. */
export interface CheckedConnection {
  auth: ConnectionAuthentication;
  mark: number;
}

/**
 * The check every long-lived connection gets when it opens (a WebSocket handshake, a graphql-ws
 * `connection_init`): the token (login or API token; scopes are for the guard on each message), then the
 * connection is marked authenticated for the guard and watched by {@link LiveConnections}.
 */
@Injectable()
export class ConnectionOpener {
  private readonly logger = new Logger('AuthToken');

  constructor(
    private readonly tokens: TokenService,
    private readonly live: LiveConnections,
  ) {}

  /** Checks the token a connection opens with (undefined: none sent; `''`: unusable), or resolves to why not. */
  async check(credential: string | undefined): Promise<CheckedConnection | Refusal> {
    const mark = this.live.mark();
    let auth: ConnectionAuthentication | null;
    try {
      auth = credential ? await this.tokens.authenticate(credential, { apiTokens: true }) : null;
    } catch (error) {
      if (!isOutage(error)) throw error;
      this.logger.error(
        `Connection refused, the database is unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 'unavailable';
    }
    return auth ? { auth, mark } : 'unauthorized';
  }

  /**
   * Marks `connection` authenticated for the guard and watches it: `hooks` close it when its token is revoked or
   * expires. Returns the function to call when the connection closes.
   */
  watch(connection: object, { auth, mark }: CheckedConnection, hooks: LiveConnectionHooks): () => void {
    establishAuthentication(connection, auth);
    return this.live.add(auth, hooks, mark);
  }
}

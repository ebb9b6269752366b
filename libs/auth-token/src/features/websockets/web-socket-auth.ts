import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { parseAuthorization } from '../../core/guard/parse-authorization.js';
import { socketCredential } from '../../core/guard/transport-context.js';
import type { ConnectionAuthentication } from '../../core/guard/connection-authentication.js';
import { ConnectionOpener, type CheckedConnection } from '../live-connections/connection-opener.js';

// The shapes of Socket.IO's and ws's objects used here: the library does not depend on either package.

/** A Socket.IO socket (socket.io's `Socket`). */
interface IoSocket {
  handshake: { auth?: unknown; headers: Record<string, unknown> };
  data: Record<string, unknown>;
  once(event: 'disconnect', listener: () => void): unknown;
  disconnect(close?: boolean): unknown;
}

/** A Socket.IO server or namespace (socket.io's `Server`, `Namespace`). */
interface IoNamespace {
  use(middleware: (socket: IoSocket, next: (error?: Error) => void) => void): unknown;
  on(event: 'connection', listener: (socket: IoSocket) => void): unknown;
}

/** A `ws` socket (ws's `WebSocket`). */
interface WsSocket {
  close(code?: number, reason?: string): void;
  once(event: 'close', listener: () => void): unknown;
}

type VerifyDone = (result: boolean, code?: number, message?: string, headers?: Record<string, string>) => void;
type VerifyClient = ((info: VerifyInfo) => boolean) | ((info: VerifyInfo, done: VerifyDone) => void);
interface VerifyInfo {
  req: IncomingMessage;
  origin: string;
  secure: boolean;
}

/** A `ws` server (ws's `WebSocketServer`), as Nest's WsAdapter creates it. */
interface WsServer {
  options: { verifyClient?: VerifyClient };
  handleUpgrade: unknown;
  on(event: 'connection', listener: (socket: WsSocket, request: IncomingMessage) => void): unknown;
}

/** Close code of a `ws` connection whose token was revoked or expired (as graphql-ws's 4401 Unauthorized). */
export const WS_UNAUTHORIZED = 4401;

const isSocketIo = (server: object): server is IoNamespace =>
  typeof (server as Partial<IoNamespace>).use === 'function' && 'sockets' in server;
const isWs = (server: object): server is WsServer =>
  typeof (server as Partial<WsServer>).handleUpgrade === 'function' && 'options' in server;

/**
 * Authentication of a WebSocket gateway's connections at the handshake, which guards never see. Call
 * {@link protect} with the gateway's server in `afterInit`:
 *
 * - a connection without a valid token (login or API token) never opens: Socket.IO clients get `connect_error`
 *   with the message `"Unauthorized"`, `ws` clients an HTTP 401;
 * - the token comes from Socket.IO's `auth: { token }`, or the `Authorization` header (`Token …`/`Bearer …`);
 * - the user is on the socket (`socket.data.user` and `socket.data.authInfo` with Socket.IO), so that
 *   `@CurrentUser()` works in message handlers, and `AuthTokenGuard` with `@RequireScopes()` checks messages
 *   without another lookup;
 * - when the token is revoked (on any instance) or expires, the socket is disconnected (`ws`: closed with 4401).
 */
@Injectable()
export class WebSocketAuth {
  private readonly logger = new Logger('AuthToken');
  private readonly protectedServers = new WeakSet<object>();

  constructor(
    private readonly opener: ConnectionOpener,
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
  ) {}

  /** Authenticates every connection of `server`: a Socket.IO server or namespace, or a `ws` server. */
  protect(server: unknown): void {
    if (typeof server !== 'object' || server === null) throw new TypeError('WebSocketAuth.protect() needs a server');
    if (this.protectedServers.has(server)) return;
    if (isSocketIo(server)) this.protectSocketIo(server);
    else if (isWs(server)) this.protectWs(server);
    else throw new TypeError('WebSocketAuth.protect() takes a Socket.IO server or namespace, or a ws server');
    this.protectedServers.add(server);
  }

  private protectSocketIo(server: IoNamespace): void {
    const checked = new WeakMap<IoSocket, CheckedConnection>();
    server.use((socket, next) => {
      this.opener.check(socketCredential(socket)).then(
        (result) => {
          if (result === 'unauthorized') return next(new Error('Unauthorized'));
          if (result === 'unavailable') return next(new Error('Service Unavailable'));
          Object.assign(socket.data, { user: result.auth.user, authInfo: result.auth.token });
          checked.set(socket, result);
          next();
        },
        (error: unknown) => next(this.failed(error)),
      );
    });
    // Watched from the connection on: a handshake that a later middleware refuses never connects, nor closes.
    server.on('connection', (socket) => {
      const connection = checked.get(socket);
      if (!connection) return;
      const closed = this.opener.watch(socket, connection, {
        close: () => socket.disconnect(true),
        refreshed: (current) => Object.assign(socket.data, { user: current.user, authInfo: current.token }),
      });
      socket.once('disconnect', closed);
    });
  }

  private protectWs(server: WsServer): void {
    const checked = new WeakMap<IncomingMessage, CheckedConnection>();
    const previous = server.options.verifyClient;
    const challenge = { 'WWW-Authenticate': `Bearer realm="${this.options.realm}"` };
    server.options.verifyClient = (info: VerifyInfo, done: VerifyDone) => {
      this.opener.check(parseAuthorization(info.req.headers.authorization)).then(
        (result) => {
          if (result === 'unauthorized') return done(false, 401, 'Unauthorized', challenge);
          if (result === 'unavailable') return done(false, 503, 'Service Unavailable');
          checked.set(info.req, result);
          if (!previous) return done(true);
          if (previous.length >= 2) return previous(info, done);
          done((previous as (info: VerifyInfo) => boolean)(info));
        },
        (error: unknown) => {
          this.failed(error);
          done(false, 500, 'Internal Server Error');
        },
      );
    };
    server.on('connection', (socket, request) => {
      const connection = checked.get(request);
      if (!connection) return;
      const show = (current: ConnectionAuthentication) =>
        Object.assign(socket, { user: current.user, authInfo: current.token });
      show(connection.auth);
      const closed = this.opener.watch(socket, connection, {
        close: () => socket.close(WS_UNAUTHORIZED, 'Unauthorized'),
        refreshed: show,
      });
      socket.once('close', closed);
    });
  }

  private failed(error: unknown): Error {
    this.logger.error(
      `WebSocket handshake failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return new Error('Internal server error');
  }
}

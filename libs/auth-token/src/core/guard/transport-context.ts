import type { ExecutionContext, HttpException } from '@nestjs/common';
import {
  ApiTokenNotAllowedException,
  InsufficientScopeException,
  LoginTokenRequiredException,
  ReauthenticationRequiredException,
} from '../errors/auth-token.exceptions.js';
import { authenticationOf, type ConnectionAuthentication } from './connection-authentication.js';
import { parseAuthorization } from './parse-authorization.js';
import { setHeader, type HttpResponse } from '../http/platform.js';

// Where a request's credential comes from, where its user goes, and how it is refused, on each kind of
// ExecutionContext. The optional packages (graphql, @nestjs/websockets, @nestjs/microservices) are loaded only
// to refuse on their own transport, which exists only in hosts that have them.

/** Where the guard leaves `user` and `authInfo`, and where `@CurrentUser()` and `@CurrentToken()` read them. */
export type CredentialHolder = Record<string, unknown>;

/** What the guard needs to know of a request, message or operation, whatever its transport. */
interface TransportCredential {
  holder: CredentialHolder;
  /** The authentication made when the connection opened, when the library made one: no lookup per message. */
  established?: ConnectionAuthentication;
  /** The token sent: undefined when none was, `''` when one was but cannot be a token (see parseAuthorization). */
  credential: string | undefined;
}

const MAX_CREDENTIAL_LENGTH = 1024;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A token as a client sends it outside an HTTP header: the bare token (Socket.IO's `auth.token`), or the value
 * of an Authorization header (`Token …`, `Bearer …`: graphql-ws `connectionParams.authorization`, a message's
 * `authorization` field).
 */
export function readCredential(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const fromHeader = parseAuthorization(value);
  if (fromHeader !== undefined) return fromHeader;
  return /\s/.test(value) || value.length > MAX_CREDENTIAL_LENGTH ? '' : value;
}

/** The object a GraphQL operation's user goes on: the HTTP request, or the graphql-ws context of a subscription. */
function graphqlHolder(context: ExecutionContext): CredentialHolder {
  const gqlContext: unknown = context.getArgs()[2];
  if (!isObject(gqlContext)) return {};
  return isObject(gqlContext.req) ? gqlContext.req : gqlContext;
}

/** A Socket.IO socket keeps what the app adds in `socket.data`; a `ws` socket has no such place and takes it itself. */
function socketHolder(client: unknown): CredentialHolder {
  if (!isObject(client)) return {};
  return isObject(client.data) ? client.data : client;
}

/** The object the user goes on, for the guard and the parameter decorators. */
export function holderOf(context: ExecutionContext): CredentialHolder {
  switch (context.getType<string>()) {
    case 'graphql':
      return graphqlHolder(context);
    case 'ws':
      return socketHolder(context.getArgs()[0]);
    case 'rpc': {
      const [data, rpcContext] = context.getArgs<unknown[]>();
      return isObject(rpcContext) ? rpcContext : isObject(data) ? data : {};
    }
    default:
      // The request, as switchToHttp().getRequest() returns it, without the three closures switchToHttp() assigns
      // onto the context at each call: this runs on every guarded request, twice with @CurrentUser().
      return context.getArgByIndex<CredentialHolder>(0);
  }
}

function headerOf(request: unknown): unknown {
  return isObject(request) && isObject(request.headers) ? request.headers.authorization : undefined;
}

/** An RPC message's token: its payload's `authorization` field, else a transport header (NATS, gRPC metadata). */
function rpcCredential(data: unknown, rpcContext: unknown): string | undefined {
  if (isObject(data) && data.authorization !== undefined) return readCredential(data.authorization);
  if (!isObject(rpcContext)) return undefined;
  if (typeof rpcContext.getHeaders === 'function') {
    const headers: unknown = (rpcContext.getHeaders as () => unknown).call(rpcContext);
    if (isObject(headers)) {
      const value: unknown =
        typeof headers.get === 'function'
          ? (headers.get as (name: string) => unknown)('authorization')
          : headers.authorization;
      return readCredential(value);
    }
  }
  if (typeof rpcContext.get === 'function') {
    const values: unknown = (rpcContext.get as (name: string) => unknown).call(rpcContext, 'authorization');
    return readCredential(Array.isArray(values) ? values[0] : undefined);
  }
  return undefined;
}

/** A graphql-ws context's token: `connectionParams.authorization`, else the upgrade request's header. */
export function subscriptionCredential(connection: {
  connectionParams?: unknown;
  extra?: unknown;
}): string | undefined {
  const params = connection.connectionParams;
  const fromParams = isObject(params) ? (params.authorization ?? params.Authorization) : undefined;
  if (fromParams !== undefined) return readCredential(fromParams);
  return parseAuthorization(isObject(connection.extra) ? headerOf(connection.extra.request) : undefined);
}

/** A socket's token, when it opened without the library's handshake check: Socket.IO's handshake. */
export function socketCredential(client: unknown): string | undefined {
  const handshake = isObject(client) ? client.handshake : undefined;
  if (!isObject(handshake)) return undefined;
  const token = isObject(handshake.auth) ? handshake.auth.token : undefined;
  return token !== undefined ? readCredential(token) : parseAuthorization(headerOf(handshake));
}

/** The credential of the request, message or operation under `context`, and where its user goes. */
export function credentialOf(context: ExecutionContext): TransportCredential {
  const holder = holderOf(context);
  switch (context.getType<string>()) {
    case 'graphql': {
      if ('headers' in holder) return { holder, credential: parseAuthorization(headerOf(holder)) };
      // An established connection's messages need no credential of their own (the guard reads none).
      const established = authenticationOf(holder);
      return { holder, established, credential: established ? undefined : subscriptionCredential(holder) };
    }
    case 'ws': {
      const client: unknown = context.getArgs()[0];
      const established = authenticationOf(client);
      return { holder, established, credential: established ? undefined : socketCredential(client) };
    }
    case 'rpc': {
      const [data, rpcContext] = context.getArgs<unknown[]>();
      return { holder, credential: rpcCredential(data, rpcContext) };
    }
    default:
      return { holder, credential: parseAuthorization(headerOf(holder)) };
  }
}

/** Sets headers of the answer to come (the challenge of a 401 or 403); only HTTP answers have headers. */
export function setResponseHeaders(context: ExecutionContext, headers: Record<string, string>): void {
  if (context.getType<string>() !== 'http') return;
  const response = context.switchToHttp().getResponse<HttpResponse>();
  for (const [name, value] of Object.entries(headers)) setHeader(response, name, value);
}

/** The machine-readable reason of a refusal, as WebSocket acks and RPC errors carry it. */
function refusalReason(exception: HttpException): string {
  if (exception instanceof InsufficientScopeException || exception instanceof ApiTokenNotAllowedException)
    return 'insufficient_scope';
  if (exception instanceof LoginTokenRequiredException) return 'login_token_required';
  if (exception instanceof ReauthenticationRequiredException) return 'reauthentication_required';
  const status = exception.getStatus();
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 503) return 'service_unavailable';
  return 'internal_error';
}

/** GraphQL's error codes for the statuses the guard answers (Apollo's conventions). */
const GRAPHQL_CODES: Record<number, string> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * What to throw for a refusal on the transport of `context`: the HTTP exception itself over HTTP; a GraphQLError
 * with `extensions.code` UNAUTHENTICATED or FORBIDDEN (whatever the host's error formatting, it is an error of the
 * field, HTTP 200); over a WebSocket a WsException, after answering the message's acknowledgement (Socket.IO)
 * with `{ error: reason }`, so a client waiting for it learns why; an RpcException the client receives.
 */
export async function refusalFor(context: ExecutionContext, exception: HttpException): Promise<unknown> {
  const type = context.getType<string>();
  const status = exception.getStatus();
  const reason = refusalReason(exception);
  if (type === 'graphql') {
    const code = GRAPHQL_CODES[status];
    if (!code) return exception;
    const { GraphQLError } = await import('graphql');
    return new GraphQLError(exception.message, { extensions: { code, reason } });
  }
  if (type === 'ws') {
    const ack: unknown = context.getArgs()[2];
    if (typeof ack === 'function') (ack as (answer: object) => void)({ error: reason });
    const { WsException } = await import('@nestjs/websockets');
    return new WsException({ status: 'error', error: reason, message: exception.message });
  }
  if (type === 'rpc') {
    const { RpcException } = await import('@nestjs/microservices');
    return new RpcException({ status: 'error', error: reason, statusCode: status, message: exception.message });
  }
  return exception;
}

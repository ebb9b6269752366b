import { BlockList } from 'node:net';
import { createParamDecorator, Logger, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ClientAddressUnknownException } from '../errors/auth-token.exceptions.js';

/** Loopback and private networks: where a reverse proxy usually sits. */
const PROXY_NETWORKS = new BlockList();
for (const [network, prefix] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
] as const) {
  PROXY_NETWORKS.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PROXY_NETWORKS.addSubnet(network, prefix, 'ipv6');

/** Apps already warned (once each, not once per process: tests run several apps). */
const warned = new WeakSet<object>();

function isProxyNetwork(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  try {
    return mapped
      ? PROXY_NETWORKS.check(mapped[1], 'ipv4')
      : PROXY_NETWORKS.check(address, address.includes(':') ? 'ipv6' : 'ipv4');
  } catch {
    return false;
  }
}

/**
 * The client's address as Express decides it (`request.ip`, which follows `X-Forwarded-For` only as far as
 * the app's `trust proxy` setting allows). Warns once when `X-Forwarded-For` comes from a loopback or private
 * peer while `trust proxy` is off: the app then probably runs behind a proxy and sees every client as the
 * proxy's address, so one client could use up the per-address limits of everyone.
 *
 * A request with no address at all (its connection already closed, or a socket without addresses) is refused
 * with a 400: a stand-in such as "unknown" would put every such client into one bucket of the per-address limits.
 */
export function clientIp(request: Request): string {
  const peer = request.socket?.remoteAddress ?? '';
  const { app } = request;
  if (
    app &&
    !warned.has(app) &&
    request.headers['x-forwarded-for'] !== undefined &&
    !app.get('trust proxy') &&
    isProxyNetwork(peer)
  ) {
    warned.add(app);
    new Logger('AuthToken').warn(
      `X-Forwarded-For arrived from ${peer}, but Express's "trust proxy" is not set: every client behind that proxy ` +
        `shares its address for throttling and in the sessions list. Set app.set('trust proxy', ...) to your proxies.`,
    );
  }
  const address = request.ip || peer;
  if (!address) throw new ClientAddressUnknownException();
  return address;
}

/** The client's address in a controller (see {@link clientIp}). */
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  clientIp(context.switchToHttp().getRequest<Request>()),
);

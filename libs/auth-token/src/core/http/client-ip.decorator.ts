import { BlockList } from 'node:net';
import { createParamDecorator, Logger, type ExecutionContext } from '@nestjs/common';
import { ClientAddressUnknownException } from '../errors/auth-token.exceptions.js';
import { appOf, trustsProxies, type HttpRequest } from './platform.js';

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
 * The client's address as the platform decides it (`request.ip`, which follows `X-Forwarded-For` only as far as
 * the app's trusted proxies allow: Express's `trust proxy`, Fastify's `trustProxy`). Warns once when
 * `X-Forwarded-For` comes from a loopback or private peer while no proxy is trusted: the app then probably runs
 * behind a proxy and sees every client as the proxy's address, so one client could use up the per-address
 * limits of everyone.
 *
 * A request with no address at all (its connection already closed, or a socket without addresses) is refused
 * with a 400: a stand-in such as "unknown" would put every such client into one bucket of the per-address limits.
 */
export function clientIp(request: HttpRequest): string {
  const peer = request.socket?.remoteAddress ?? '';
  if (request.headers['x-forwarded-for'] !== undefined) warnOfUntrustedProxy(request, peer);
  const address = request.ip || peer;
  if (!address) throw new ClientAddressUnknownException();
  return address;
}

function warnOfUntrustedProxy(request: HttpRequest, peer: string): void {
  const app = appOf(request);
  if (!app || warned.has(app) || trustsProxies(request) || !isProxyNetwork(peer)) return;
  warned.add(app);
  new Logger('AuthToken').warn(
    `X-Forwarded-For arrived from ${peer}, but no proxy is trusted (Express's "trust proxy", Fastify's ` +
      `"trustProxy"): every client behind that proxy shares its address for throttling and in the sessions list. ` +
      `Set app.set('trust proxy', ...) on Express, or new FastifyAdapter({ trustProxy: ... }), to your proxies.`,
  );
}

/** The client's address in a controller (see {@link clientIp}). */
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  clientIp(context.switchToHttp().getRequest<HttpRequest>()),
);

import type { NestApplicationOptions } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { DemoConfig, TrustProxy } from '../config/demo-config.js';

type TrustFunction = (address: string, hop: number) => boolean;

/**
 * Fastify's `trustProxy` with the meaning TRUST_PROXY has on Express (`trust proxy`): `true`, `false` and lists of
 * addresses, CIDRs and named ranges mean the same on both, but Fastify reads a hop count as "trust no peer", so
 * the hops are counted here.
 */
export function fastifyTrustProxy(trustProxy: TrustProxy): boolean | string[] | TrustFunction {
  return typeof trustProxy === 'number' ? (_address, hop) => hop < trustProxy : trustProxy;
}

/**
 * The HTTP platform HTTP_ADAPTER names, set up alike: the client's address (TRUST_PROXY), and routes that match
 * as Express's do (`/auth/login/` is `/auth/login`, `/Docs` is `/docs`, and a path parameter may be as long as
 * the request line, where Fastify answers 414 past 100 characters: a mangled confirmation link is still the 400
 * of an invalid link). Fastify is loaded only when chosen.
 */
export async function createDemoHttpAdapter(config: DemoConfig): Promise<AbstractHttpAdapter> {
  if (config.httpAdapter === 'express') {
    const express = new ExpressAdapter();
    express.disable('x-powered-by');
    // No ETag on API answers: it is a SHA-1 of every body, 5 % of an open request's CPU in the profile, for
    // conditional GETs that API clients do not send (the page's files keep theirs, from the static handler).
    express.set('etag', false);
    // Decides req.ip (throttling, sessions): false (TRUST_PROXY unset) ignores X-Forwarded-For.
    express.set('trust proxy', config.trustProxy);
    return express;
  }
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  return new FastifyAdapter({
    // Node refuses request heads over 16 kB, path parameters included.
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 16 * 1024 },
    trustProxy: fastifyTrustProxy(config.trustProxy),
  });
}

/**
 * Options of the demo's Nest application on `config`'s platform. On Fastify the app keeps each request's raw body
 * (Nest's `rawBody`), which the leaked-token route checks its signature over; on Express a parser of that route
 * alone keeps it (bootstrap.ts).
 */
export function demoAppOptions(config: DemoConfig): NestApplicationOptions {
  return { rawBody: config.httpAdapter === 'fastify' };
}

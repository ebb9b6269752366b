import { createPublicKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { Clock } from '../../core/time/clock.js';
import { SigningKeysUnavailableException } from './leaked-tokens.exceptions.js';
import { reasonOf } from '../../core/errors/reason-of.js';

/** Largest answer of the key server read: GitHub's is about 1 kB. */
const MAX_KEYS_BYTES = 256 * 1024;

interface PublicKeyEntry {
  key_identifier?: unknown;
  key?: unknown;
}

/** An ECDSA P-256 public key from PEM, or null for anything else. */
function p256Key(pem: unknown): KeyObject | null {
  if (typeof pem !== 'string') return null;
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : null;
  } catch {
    return null;
  }
}

/**
 * The public keys that sign leaked-token reports, fetched from `leakedTokens.keysUrl` and kept in memory. A report
 * naming a key not held makes one fetch, at most once per `keysRefetchInterval` whatever the reports name (so a
 * flood of made-up identifiers costs the key server nothing), with a timeout. When the keys cannot be had the
 * answer is {@link SigningKeysUnavailableException}: nothing is revoked on a report that cannot be checked.
 */
@Injectable()
export class SigningKeys {
  private readonly logger = new Logger('AuthToken');
  private keys = new Map<string, KeyObject>();
  /** When the last fetch started (epoch ms), and whether it brought keys. */
  private lastFetch: { at: number; ok: boolean } | null = null;
  private fetching: Promise<void> | null = null;

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly clock: Clock,
  ) {}

  /** The key with this identifier, or null when the key server does not serve it. */
  async find(identifier: string): Promise<KeyObject | null> {
    const held = this.keys.get(identifier);
    if (held) return held;
    await this.refresh();
    return this.keys.get(identifier) ?? null;
  }

  private async refresh(): Promise<void> {
    if (this.fetching) return this.fetching;
    const now = this.clock.now().getTime();
    const interval = this.options.leakedTokens.keysRefetchInterval * 1000;
    if (this.lastFetch && now - this.lastFetch.at < interval) {
      if (this.lastFetch.ok) return;
      throw new SigningKeysUnavailableException((this.lastFetch.at + interval - now) / 1000);
    }
    this.lastFetch = { at: now, ok: false };
    this.fetching = this.fetchKeys().finally(() => (this.fetching = null));
    return this.fetching;
  }

  private async fetchKeys(): Promise<void> {
    const { keysUrl, keysTimeout, keysRefetchInterval } = this.options.leakedTokens;
    let keys: Map<string, KeyObject>;
    try {
      keys = await this.download(keysUrl, keysTimeout);
    } catch (error) {
      this.logger.error(`The keys of leaked-token reports could not be fetched from ${keysUrl}: ${reasonOf(error)}`);
      throw new SigningKeysUnavailableException(keysRefetchInterval);
    }
    this.keys = keys;
    if (this.lastFetch) this.lastFetch.ok = true;
  }

  private async download(url: string, timeout: number): Promise<Map<string, KeyObject>> {
    const response = await fetch(url, {
      headers: { Accept: 'application/json', 'User-Agent': 'nestjs-auth-token' },
      signal: AbortSignal.timeout(timeout * 1000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (Number(response.headers.get('content-length') ?? 0) > MAX_KEYS_BYTES) throw new Error('answer too large');
    const text = await response.text();
    if (Buffer.byteLength(text) > MAX_KEYS_BYTES) throw new Error('answer too large');
    const { public_keys: entries } = JSON.parse(text) as { public_keys?: unknown };
    if (!Array.isArray(entries)) throw new Error('no public_keys list in the answer');
    const keys = new Map<string, KeyObject>();
    for (const entry of entries as PublicKeyEntry[]) {
      const key = p256Key(entry?.key);
      if (typeof entry?.key_identifier === 'string' && key) keys.set(entry.key_identifier, key);
    }
    if (keys.size === 0) throw new Error('no ECDSA P-256 key in the answer');
    return keys;
  }
}

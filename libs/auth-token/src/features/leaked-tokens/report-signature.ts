import { verify, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LeakReportRefusedException } from './leaked-tokens.exceptions.js';
import { LEAKED_TOKENS_MESSAGES } from './leaked-tokens.messages.js';
import { SigningKeys } from './signing-keys.js';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Longest key identifier looked up (GitHub's are 64 hex digits). */
const MAX_IDENTIFIER = 256;

/**
 * Checks the signature of a secret-scanning report: ECDSA P-256 with SHA-256 over the raw body bytes, DER-encoded
 * and in base64 (`Github-Public-Key-Signature`), by the key that `Github-Public-Key-Identifier` names among those
 * served at `leakedTokens.keysUrl`. Exported so that a host that issues other secrets can check GitHub's reports
 * of those on a route of its own.
 */
@Injectable()
export class ReportSignature {
  constructor(private readonly keys: SigningKeys) {}

  /**
   * Resolves when `signature` is a valid signature of `body` by the key `keyIdentifier`; rejects with a 401
   * (unsigned, bad signature, unknown key) or a 503 (the keys cannot be fetched now).
   */
  async check(body: Buffer, keyIdentifier: string | undefined, signature: string | undefined): Promise<void> {
    const identifier = keyIdentifier?.trim();
    const encoded = signature?.trim();
    if (!identifier || !encoded) throw new LeakReportRefusedException(LEAKED_TOKENS_MESSAGES.leakReportUnsigned);
    if (identifier.length > MAX_IDENTIFIER)
      throw new LeakReportRefusedException(LEAKED_TOKENS_MESSAGES.leakReportUnknownKey);
    if (!BASE64.test(encoded)) throw new LeakReportRefusedException(LEAKED_TOKENS_MESSAGES.leakReportBadSignature);
    const key = await this.keys.find(identifier);
    if (!key) throw new LeakReportRefusedException(LEAKED_TOKENS_MESSAGES.leakReportUnknownKey);
    if (!this.verifies(body, key, Buffer.from(encoded, 'base64')))
      throw new LeakReportRefusedException(LEAKED_TOKENS_MESSAGES.leakReportBadSignature);
  }

  private verifies(body: Buffer, key: KeyObject, signature: Buffer): boolean {
    try {
      return verify('sha256', body, { key, dsaEncoding: 'der' }, signature);
    } catch {
      // Not a DER signature at all.
      return false;
    }
  }
}

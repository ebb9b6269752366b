import express from 'express';
import { DemoConfigError, loadDemoConfig } from './demo-config.js';

function errorFor(env: Record<string, string>): DemoConfigError {
  try {
    loadDemoConfig(env);
  } catch (error) {
    if (error instanceof DemoConfigError) return error;
    throw error;
  }
  throw new Error('expected a DemoConfigError');
}

describe('loadDemoConfig', () => {
  it('needs no variable at all (the CONTRACT defaults)', () => {
    expect(loadDemoConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      database: { type: 'sqlite', file: 'data/demo.sqlite' },
      registration: true,
      emailConfirm: false,
      tokenTtl: 86_400,
      tokenMaxTtl: 2_592_000,
      confirmTtl: 86_400,
      confirmBaseUrl: 'http://localhost:3000',
      confirmRedirect: '/',
      confirmInvalidRedirect: undefined,
      smtpUrl: undefined,
      mailFrom: 'noreply@localhost',
      corsOrigins: [],
      passwordResetUrl: 'http://localhost:3000/#reset=',
      scryptCost: 131_072,
      tokenCacheTtl: 0,
      confirmResendInterval: 60,
      apiTokenTtl: 7_776_000,
      apiTokenMaxTtl: 31_536_000,
      reauthWindow: 900,
      secretScanningKeysUrl: 'https://api.github.com/meta/public_keys/secret_scanning',
      mfaEncryptionKey: undefined,
      trustProxy: false,
      httpAdapter: 'express',
      webauthnRpId: 'localhost',
      webauthnOrigins: ['http://localhost:3000'],
    });
  });

  it('reads every variable', () => {
    const config = loadDemoConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db:5432/app',
      AUTH_REGISTRATION: 'false',
      AUTH_EMAIL_CONFIRM: 'TRUE',
      AUTH_TOKEN_TTL: '60',
      AUTH_TOKEN_MAX_TTL: '120',
      AUTH_CONFIRM_TTL: '300',
      AUTH_CONFIRM_BASE_URL: 'https://example.org/',
      AUTH_CONFIRM_REDIRECT: '/welcome',
      AUTH_CONFIRM_INVALID_REDIRECT: 'https://example.org/invalid',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'Demo <demo@example.org>',
      CORS_ORIGINS: 'http://a.test, https://b.test:8443',
      AUTH_PASSWORD_RESET_URL: 'https://example.org/reset#',
      AUTH_CONFIRM_RESEND_INTERVAL: '120',
      TRUST_PROXY: 'loopback',
      HTTP_ADAPTER: 'fastify',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      database: { type: 'postgres', url: 'postgres://u:p@db:5432/app' },
      registration: false,
      emailConfirm: true,
      tokenTtl: 60,
      tokenMaxTtl: 120,
      confirmTtl: 300,
      confirmBaseUrl: 'https://example.org',
      confirmRedirect: '/welcome',
      confirmInvalidRedirect: 'https://example.org/invalid',
      smtpUrl: 'smtp://127.0.0.1:2525',
      mailFrom: 'Demo <demo@example.org>',
      corsOrigins: ['http://a.test', 'https://b.test:8443'],
      passwordResetUrl: 'https://example.org/reset#',
      confirmResendInterval: 120,
      trustProxy: ['loopback'],
      httpAdapter: 'fastify',
    });
    expect(loadDemoConfig({ HTTP_ADAPTER: ' Express ' }).httpAdapter).toBe('express');
    expect(loadDemoConfig({ AUTH_CONFIRM_RESEND_INTERVAL: '0' }).confirmResendInterval).toBe(0);
    expect(loadDemoConfig({ DATABASE_URL: 'sqlite::memory:' }).database).toEqual({ type: 'sqlite', file: ':memory:' });
    expect(loadDemoConfig({ PORT: '4000' }).confirmBaseUrl).toBe('http://localhost:4000');
  });

  it.each<[string, string | undefined, unknown]>([
    ['unset', undefined, false],
    ['empty', ' ', false],
    ['true', 'true', true],
    ['FALSE', 'FALSE', false],
    ['a hop count', '2', 2],
    ['zero hops', '0', 0],
    ['a named range', 'Loopback', ['loopback']],
    ['named ranges', 'loopback, linklocal,uniquelocal', ['loopback', 'linklocal', 'uniquelocal']],
    [
      'addresses and CIDRs',
      '10.0.0.1, 192.168.0.0/16, ::1, fd00::/8, ::ffff:10.0.0.2',
      ['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8', '::ffff:10.0.0.2'],
    ],
    ['names mixed with CIDRs', 'loopback, 172.16.0.0/12', ['loopback', '172.16.0.0/12']],
  ])('reads TRUST_PROXY: %s, as a value Express accepts', (_case, value, expected) => {
    const { trustProxy } = loadDemoConfig(value === undefined ? {} : { TRUST_PROXY: value });
    expect(trustProxy).toEqual(expected);
    // Express compiles the setting at once (proxy-addr), so a value it cannot read would throw here.
    expect(() => express().set('trust proxy', trustProxy)).not.toThrow();
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/db' }],
    ['DATABASE_URL', { DATABASE_URL: 'sqlite:' }],
    ['AUTH_REGISTRATION', { AUTH_REGISTRATION: 'maybe' }],
    ['AUTH_TOKEN_TTL', { AUTH_TOKEN_TTL: '-5' }],
    ['AUTH_TOKEN_TTL', { AUTH_TOKEN_TTL: '1.5' }],
    ['AUTH_TOKEN_MAX_TTL', { AUTH_TOKEN_TTL: '100', AUTH_TOKEN_MAX_TTL: '50' }],
    ['AUTH_CONFIRM_TTL', { AUTH_CONFIRM_TTL: '0' }],
    ['AUTH_CONFIRM_BASE_URL', { AUTH_CONFIRM_BASE_URL: 'ftp://example.org' }],
    ['AUTH_CONFIRM_REDIRECT', { AUTH_CONFIRM_REDIRECT: 'https://evil.example/' }],
    ['AUTH_CONFIRM_REDIRECT', { AUTH_CONFIRM_REDIRECT: '//evil.example/' }],
    ['AUTH_CONFIRM_INVALID_REDIRECT', { AUTH_CONFIRM_INVALID_REDIRECT: 'http://localhost:3001/x' }],
    ['SMTP_URL', { SMTP_URL: 'http://mail' }],
    ['MAIL_FROM', { MAIL_FROM: 'not an address' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'http://a.test/path' }],
    ['AUTH_PASSWORD_RESET_URL', { AUTH_PASSWORD_RESET_URL: 'nope' }],
    ['AUTH_SECRET_SCANNING_KEYS_URL', { AUTH_SECRET_SCANNING_KEYS_URL: 'file:///etc/keys.json' }],
    ['AUTH_SCRYPT_COST', { AUTH_SCRYPT_COST: '1000' }],
    ['AUTH_TOKEN_CACHE_TTL', { AUTH_TOKEN_CACHE_TTL: '-1' }],
    ['AUTH_CONFIRM_RESEND_INTERVAL', { AUTH_CONFIRM_RESEND_INTERVAL: '-1' }],
    ['AUTH_CONFIRM_RESEND_INTERVAL', { AUTH_CONFIRM_RESEND_INTERVAL: '1.5' }],
    ['AUTH_CONFIRM_RESEND_INTERVAL', { AUTH_CONFIRM_RESEND_INTERVAL: 'a minute' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'yes' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'everyone' }],
    ['TRUST_PROXY', { TRUST_PROXY: '-1' }],
    ['TRUST_PROXY', { TRUST_PROXY: '1.5' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.256' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/33' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/0' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/8/8' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'fd00::/129' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'fe80::1%eth0' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'loopback,' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'loopback, proxy.internal' }],
    ['HTTP_ADAPTER', { HTTP_ADAPTER: 'koa' }],
    ['HTTP_ADAPTER', { HTTP_ADAPTER: 'express,fastify' }],
    ['AUTH_WEBAUTHN_RP_ID', { AUTH_WEBAUTHN_RP_ID: '127.0.0.1', AUTH_WEBAUTHN_ORIGINS: 'http://127.0.0.1:3000' }],
    ['AUTH_WEBAUTHN_RP_ID', { AUTH_WEBAUTHN_RP_ID: '::1' }],
    ['AUTH_WEBAUTHN_RP_ID', { AUTH_WEBAUTHN_RP_ID: 'https://example.com' }],
    ['AUTH_WEBAUTHN_RP_ID', { AUTH_WEBAUTHN_RP_ID: 'example.com' }],
    ['AUTH_WEBAUTHN_RP_ID', { AUTH_WEBAUTHN_RP_ID: 'com', AUTH_WEBAUTHN_ORIGINS: 'https://example.com' }],
    ['AUTH_WEBAUTHN_RP_ID', { AUTH_WEBAUTHN_ORIGINS: 'http://127.0.0.1:3000' }],
    ['AUTH_WEBAUTHN_ORIGINS', { AUTH_WEBAUTHN_ORIGINS: 'http://localhost:3000/login' }],
    ['AUTH_WEBAUTHN_ORIGINS', { AUTH_WEBAUTHN_ORIGINS: 'localhost' }],
    ['AUTH_WEBAUTHN_ORIGINS', { AUTH_WEBAUTHN_ORIGINS: ' , ' }],
  ])('rejects a bad %s with one line naming it', (variable, env) => {
    const error = errorFor(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^Invalid ${variable}: `));
    expect(error.message).not.toContain('\n');
  });

  it('reads the API token lifetimes, and refuses a default longer than the maximum', () => {
    expect(loadDemoConfig({ AUTH_API_TOKEN_TTL: '3600', AUTH_API_TOKEN_MAX_TTL: '86400' })).toMatchObject({
      apiTokenTtl: 3600,
      apiTokenMaxTtl: 86_400,
    });
    // A maximum below the default lifetime lowers the default with it.
    expect(loadDemoConfig({ AUTH_API_TOKEN_MAX_TTL: '86400' })).toMatchObject({
      apiTokenTtl: 86_400,
      apiTokenMaxTtl: 86_400,
    });
    expect(() => loadDemoConfig({ AUTH_API_TOKEN_TTL: '90000', AUTH_API_TOKEN_MAX_TTL: '86400' })).toThrow(
      /AUTH_API_TOKEN_TTL/,
    );
    expect(() => loadDemoConfig({ AUTH_API_TOKEN_MAX_TTL: '0' })).toThrow(/AUTH_API_TOKEN_MAX_TTL/);
  });

  it('reads the relying party of passkeys: an RP ID that is a suffix of every origin', () => {
    expect(
      loadDemoConfig({
        AUTH_WEBAUTHN_RP_ID: 'Example.com',
        AUTH_WEBAUTHN_ORIGINS: 'https://example.com, https://app.example.com:8443/',
      }),
    ).toMatchObject({
      webauthnRpId: 'example.com',
      webauthnOrigins: ['https://example.com', 'https://app.example.com:8443'],
    });
    expect(loadDemoConfig({ PORT: '4000' })).toMatchObject({ webauthnOrigins: ['http://localhost:4000'] });
  });
});

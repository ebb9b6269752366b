// Reference routes shared by the bench servers: two JWT guards, a no-op guard and the minimal guard, each a
// controller with its providers. Plain JavaScript, decorators applied as functions.
import { createHash, createSecretKey } from 'node:crypto';
import { Controller, Get, Injectable, Req, UnauthorizedException, UseGuards } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { lookupClients } from '../libs/auth-token/dist/core/tokens/pg-lookup-clients.js';
import { JWT_SECRET } from './jwt-secret.mjs';

/**
 * Two JWT baselines. "default setup": passport-jwt as its README shows it, with the secret as a string, which
 * jsonwebtoken 9 first tries (and fails, ~0.6 ms under OpenSSL 3) to parse as a public key on every verify.
 * "tuned": the same with the secret as a KeyObject (createSecretKey), what a careful team would run.
 */
function jwtRoute(name, secretOrKey) {
  class JwtStrategy extends PassportStrategy(Strategy, name) {
    constructor() {
      super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey, algorithms: ['HS256'] });
    }
    validate(payload) {
      return { username: payload.sub };
    }
  }
  Injectable()(JwtStrategy);
  class JwtHelloController {
    hello(request) {
      return { message: `Hello ${request.user.username}!` };
    }
  }
  const hello = Object.getOwnPropertyDescriptor(JwtHelloController.prototype, 'hello');
  Req()(JwtHelloController.prototype, 'hello', 0);
  UseGuards(AuthGuard(name))(JwtHelloController.prototype, 'hello', hello);
  Get('hello')(JwtHelloController.prototype, 'hello', hello);
  Controller(name)(JwtHelloController);
  return { strategy: JwtStrategy, controller: JwtHelloController };
}
export const jwtDefault = jwtRoute('jwt', JWT_SECRET);
export const jwtTuned = jwtRoute('jwt-tuned', createSecretKey(Buffer.from(JWT_SECRET)));

// The ceiling for any guard: a guard that lets everything through, plus a parameter decorator, as the
// token-guarded route has. The gap between this and the open route is Nest's own guard pipeline.
export class NoopGuard {
  canActivate() {
    return true;
  }
}
Injectable()(NoopGuard);
export class NoopController {
  hello(request) {
    return { message: `Hello ${request.method}!` };
  }
}
const noop = Object.getOwnPropertyDescriptor(NoopController.prototype, 'hello');
Req()(NoopController.prototype, 'hello', 0);
UseGuards(NoopGuard)(NoopController.prototype, 'hello', noop);
Get('hello')(NoopController.prototype, 'hello', noop);
Controller('noop')(NoopController);

/**
 * The limit to approach: a plain guard that does one SHA-256 and one prepared statement (the token joined with
 * its user, by digest) and nothing else: no expiry, kind or scope check, no touch, no entity, no error mapping.
 * A better-sqlite3 statement on the DataSource's handle, or a named statement on the connections the library's
 * token lookup uses on PostgreSQL (its own pipelined ones; the pg pool where it falls back to the pool).
 */
const COLUMNS = ['id', 'expiresAt', 'kind', 'uid', 'username', 'isActive'];
const rowObject = (row) => row && Object.fromEntries(COLUMNS.map((column, i) => [column, row[i]]));
export class MinimalGuard {
  lookup;
  constructor(dataSource) {
    this.dataSource = dataSource;
  }
  makeLookup() {
    const sql =
      'SELECT t.id, t."expiresAt", t.kind, u.id AS "uid", u.username, u."isActive" FROM auth_token t JOIN users u ON u.id = t."userId" WHERE t.digest = ';
    const { driver } = this.dataSource;
    if (this.dataSource.options.type === 'postgres') {
      const query = { name: 'bench-minimal', text: `${sql}$1` };
      // The token lookup's own driver path (pipelined connections of its own), where the library takes it.
      const clients = lookupClients(driver.master, driver.postgres);
      if (clients) return async (digest) => rowObject(await clients.query(query.name, query.text, [digest]));
      return async (digest) => (await driver.master.query({ ...query, values: [digest] })).rows[0];
    }
    const statement = driver.databaseConnection.prepare(`${sql}?`);
    return (digest) => statement.get(digest);
  }
  async canActivate(context) {
    const request = context.switchToHttp().getRequest();
    const header = request.headers.authorization ?? '';
    this.lookup ??= this.makeLookup();
    const row = await this.lookup(
      createHash('sha256')
        .update(header.slice(header.indexOf(' ') + 1))
        .digest('hex'),
    );
    if (!row) throw new UnauthorizedException();
    request.user = row;
    return true;
  }
}
Injectable()(MinimalGuard);
Reflect.defineMetadata('design:paramtypes', [DataSource], MinimalGuard);
export class MinimalController {
  hello(request) {
    return { message: `Hello ${request.user.username}!` };
  }
}
const minimal = Object.getOwnPropertyDescriptor(MinimalController.prototype, 'hello');
Req()(MinimalController.prototype, 'hello', 0);
UseGuards(MinimalGuard)(MinimalController.prototype, 'hello', minimal);
Get('hello')(MinimalController.prototype, 'hello', minimal);
Controller('minimal')(MinimalController);

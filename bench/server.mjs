// The built demo, plus JWT-guarded routes (@nestjs/jwt + passport-jwt) as baselines measured in the same
// process and run. Dev-only: the demo itself has no JWT. Plain JavaScript, so it needs no build of its own;
// decorators are applied as functions.
import 'reflect-metadata';
import { createSecretKey } from 'node:crypto';
import { Controller, Get, Injectable, Module, Req, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { configureDemoApp } from '../dist/apps/demo/bootstrap.js';
import { loadDemoConfig } from '../dist/apps/demo/config/demo-config.js';
import { DemoModule } from '../dist/apps/demo/demo.module.js';
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
const jwtDefault = jwtRoute('jwt', JWT_SECRET);
const jwtTuned = jwtRoute('jwt-tuned', createSecretKey(Buffer.from(JWT_SECRET)));

// The ceiling for any guard: a guard that lets everything through, plus a parameter decorator, as the
// token-guarded route has. The gap between this and the open route is Nest's own guard pipeline.
class NoopGuard {
  canActivate() {
    return true;
  }
}
Injectable()(NoopGuard);
class NoopController {
  hello(request) {
    return { message: `Hello ${request.method}!` };
  }
}
const noop = Object.getOwnPropertyDescriptor(NoopController.prototype, 'hello');
Req()(NoopController.prototype, 'hello', 0);
UseGuards(NoopGuard)(NoopController.prototype, 'hello', noop);
Get('hello')(NoopController.prototype, 'hello', noop);
Controller('noop')(NoopController);

class BenchModule {}
const config = loadDemoConfig(process.env);
Module({ imports: [DemoModule.register(config), PassportModule, JwtModule.register({ secret: JWT_SECRET })], controllers: [jwtDefault.controller, jwtTuned.controller, NoopController], providers: [jwtDefault.strategy, jwtTuned.strategy, NoopGuard] })(BenchModule);

const app = await NestFactory.create(BenchModule, { logger: ['error', 'warn'] });
configureDemoApp(app, config);
await app.listen(config.port, config.host);
console.log(`bench server listening on ${config.port}`);

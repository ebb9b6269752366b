// The built demo, plus one JWT-guarded route (@nestjs/jwt + passport-jwt) as a baseline measured in the same
// process and run. Dev-only: the demo itself has no JWT. Plain JavaScript, so it needs no build of its own;
// decorators are applied as functions.
import 'reflect-metadata';
import { Controller, Get, Injectable, Module, Req, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { configureDemoApp } from '../dist/apps/demo/bootstrap.js';
import { loadDemoConfig } from '../dist/apps/demo/config/demo-config.js';
import { DemoModule } from '../dist/apps/demo/demo.module.js';
import { JWT_SECRET } from './jwt-secret.mjs';


class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: JWT_SECRET, algorithms: ['HS256'] });
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
UseGuards(AuthGuard('jwt'))(JwtHelloController.prototype, 'hello', hello);
Get('hello')(JwtHelloController.prototype, 'hello', hello);
Controller('jwt')(JwtHelloController);

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
Module({ imports: [DemoModule.register(config), PassportModule, JwtModule.register({ secret: JWT_SECRET })], controllers: [JwtHelloController, NoopController], providers: [JwtStrategy, NoopGuard] })(BenchModule);

const app = await NestFactory.create(BenchModule, { logger: ['error', 'warn'] });
configureDemoApp(app, config);
await app.listen(config.port, config.host);
console.log(`bench server listening on ${config.port}`);

// The built demo, plus JWT-guarded routes (@nestjs/jwt + passport-jwt) as baselines measured in the same
// process and run. Dev-only: the demo itself has no JWT. Plain JavaScript, so it needs no build of its own;
// decorators are applied as functions.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { configureDemoApp } from '../dist/apps/demo/bootstrap.js';
import { createDemoHttpAdapter, demoAppOptions } from '../dist/apps/demo/http/http-adapter.js';
import { loadDemoConfig } from '../dist/apps/demo/config/demo-config.js';
import { DemoModule } from '../dist/apps/demo/demo.module.js';
import { JWT_SECRET } from './jwt-secret.mjs';
import { profileOnRequest } from './profiler.mjs';
import {
  jwtDefault,
  jwtTuned,
  MinimalController,
  MinimalGuard,
  NoopController,
  NoopGuard,
} from './reference-routes.mjs';

class BenchModule {}
const config = loadDemoConfig(process.env);
Module({
  imports: [DemoModule.register(config), PassportModule, JwtModule.register({ secret: JWT_SECRET })],
  controllers: [jwtDefault.controller, jwtTuned.controller, NoopController, MinimalController],
  providers: [jwtDefault.strategy, jwtTuned.strategy, NoopGuard, MinimalGuard],
})(BenchModule);

const app = await NestFactory.create(BenchModule, await createDemoHttpAdapter(config), {
  ...demoAppOptions(config),
  logger: ['error', 'warn'],
});
configureDemoApp(app, config);
await app.listen(config.port, config.host);
console.log(`bench server listening on ${config.port}`);

profileOnRequest();

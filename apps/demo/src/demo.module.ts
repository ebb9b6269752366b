import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthTokenModule, type Clock } from 'nestjs-auth-token';
import type { DemoConfig } from './config/demo-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { HelloController } from './hello/hello.controller.js';
import { User } from './users/user.entity.js';
import { UsersService } from './users/users.service.js';

/** What the demo returns as `user` with a login and from /auth/me. */
export const serializeUser = (user: User) => ({ id: user.id, username: user.username, email: user.email });

/** Extra wiring for tests: a movable clock. */
export interface DemoTestHooks {
  clock?: Clock;
}

/** The demo host app, assembled from its configuration. */
@Module({})
export class DemoModule {
  static register(config: DemoConfig, hooks: DemoTestHooks = {}): DynamicModule {
    return {
      module: DemoModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database), retryAttempts: 2, retryDelay: 1000 }),
        TypeOrmModule.forFeature([User]),
        AuthTokenModule.forRoot({
          userEntity: User,
          userSerializer: serializeUser,
          tokens: { ttl: config.tokenTtl },
          scrypt: { cost: config.scryptCost },
          clock: hooks.clock,
        }),
      ],
      controllers: [HelloController],
      providers: [UsersService],
      exports: [UsersService],
    };
  }
}

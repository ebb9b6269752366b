import { Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { AuthTokenGuard, CurrentUser } from 'nestjs-auth-token';
import type { User } from '../users/user.entity.js';

/** The demo's own routes: a guarded greeting and an open one (the benchmark's baseline). */
@Controller('api')
export class HelloController {
  @Get('hello')
  @UseGuards(AuthTokenGuard)
  hello(@CurrentUser() user: User) {
    return { message: `Hello ${user.username}!` };
  }

  @Post('hello')
  @HttpCode(HttpStatus.OK)
  @UseGuards(AuthTokenGuard)
  posted(@CurrentUser() user: User) {
    return { message: `Hello ${user.username}! Posted!` };
  }

  @Get('public')
  publicHello() {
    return { message: 'Hello anonymous!' };
  }
}

import { Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiSecurity, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthTokenGuard, CurrentUser, RequireScopes } from 'nestjs-auth-token';
import type { User } from '../users/user.entity.js';

const greeting = (example: string) => ({ schema: { example: { message: example } } });

/** The demo's own routes: a guarded greeting and an open one (the benchmark's baseline). */
@ApiTags('demo')
@Controller('api')
export class HelloController {
  @Get('hello')
  @UseGuards(AuthTokenGuard)
  @RequireScopes('hello:read')
  @ApiSecurity('token', ['hello:read'])
  @ApiOkResponse({ description: "Greets the token's user", ...greeting('Hello alice!') })
  @ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token' })
  @ApiForbiddenResponse({ description: 'An API token without the scope hello:read' })
  hello(@CurrentUser() user: User) {
    return { message: `Hello ${user.username}!` };
  }

  @Post('hello')
  @HttpCode(HttpStatus.OK)
  @UseGuards(AuthTokenGuard)
  @RequireScopes('hello:write')
  @ApiSecurity('token', ['hello:write'])
  @ApiOkResponse({ description: "Greets the token's user", ...greeting('Hello alice! Posted!') })
  @ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token' })
  @ApiForbiddenResponse({ description: 'An API token without the scope hello:write' })
  posted(@CurrentUser() user: User) {
    return { message: `Hello ${user.username}! Posted!` };
  }

  @Get('whoami')
  @UseGuards(AuthTokenGuard)
  @ApiSecurity('token')
  @ApiOkResponse({ description: "The token's user", schema: { example: { id: 1, username: 'alice' } } })
  @ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token' })
  @ApiForbiddenResponse({ description: 'An API token: this route names no scope, so only login tokens reach it' })
  whoami(@CurrentUser() user: User) {
    return { id: user.id, username: user.username };
  }

  @Get('public')
  @ApiOkResponse({ description: 'No token needed', ...greeting('Hello anonymous!') })
  publicHello() {
    return { message: 'Hello anonymous!' };
  }
}

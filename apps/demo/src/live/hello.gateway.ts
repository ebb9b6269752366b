import { UseGuards } from '@nestjs/common';
import { SubscribeMessage, WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import { AuthTokenGuard, CurrentUser, RequireScopes, WebSocketAuth } from 'nestjs-auth-token';
import type { User } from '../users/user.entity.js';

/**
 * The demo's Socket.IO server (path /socket.io/, namespace /): a connection needs a token at its handshake and
 * ends when that token is revoked; the `hello` event answers in its acknowledgement.
 */
@WebSocketGateway()
export class HelloGateway implements OnGatewayInit {
  constructor(private readonly sockets: WebSocketAuth) {}

  afterInit(server: unknown): void {
    this.sockets.protect(server);
  }

  @UseGuards(AuthTokenGuard)
  @RequireScopes('hello:read')
  @SubscribeMessage('hello')
  hello(@CurrentUser() user: User) {
    return { message: `Hello ${user.username}!` };
  }
}

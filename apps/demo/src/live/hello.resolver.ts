import { UseGuards } from '@nestjs/common';
import { Field, ID, Mutation, ObjectType, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AllowApiTokens, AuthTokenGuard, CurrentUser, RequireScopes } from 'nestjs-auth-token';
import type { User } from '../users/user.entity.js';
import { ticks } from './ticks.js';

@ObjectType('User')
class UserType {
  @Field(() => ID)
  id!: number;

  @Field()
  username!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

/** The demo's GraphQL API at /graphql: the HTTP greetings, plus a subscription. */
@Resolver()
export class HelloResolver {
  @Query(() => UserType)
  @UseGuards(AuthTokenGuard)
  @AllowApiTokens()
  me(@CurrentUser() user: User) {
    return user;
  }

  @Query(() => String)
  @UseGuards(AuthTokenGuard)
  @RequireScopes('hello:read')
  hello(@CurrentUser() user: User) {
    return `Hello ${user.username}!`;
  }

  @Query(() => String)
  publicHello() {
    return 'Hello anonymous!';
  }

  @Mutation(() => String)
  @UseGuards(AuthTokenGuard)
  @RequireScopes('hello:write')
  postHello(@CurrentUser() user: User) {
    return `Hello ${user.username}! Posted!`;
  }

  @Subscription(() => String)
  @UseGuards(AuthTokenGuard)
  @RequireScopes('hello:read')
  helloTicks(@CurrentUser() user: User) {
    return ticks('helloTicks', (n) => `Hello ${user.username}! ${n}`, 1_000);
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FeatureContext } from '../../core/module/feature-context.js';
import { AUTH_EMAIL_TOKEN_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import { repositoryProvider } from '../../core/module/repositories.js';
import { authEmailTokenEntityFor } from './auth-email-token.entity.js';
import { EmailTokenService } from './email-token.service.js';
import { LinkMailService } from './link-mail.service.js';

/** The single-use tokens of mailed links (e-mail confirmation, password reset) and their mails. */
@Module({
  providers: [EmailTokenService, LinkMailService],
  exports: [EmailTokenService, LinkMailService],
})
export class MailedLinksModule {
  static register({ core, userEntity }: FeatureContext, throttling: DynamicModule): DynamicModule {
    const entity = authEmailTokenEntityFor(userEntity);
    return {
      module: MailedLinksModule,
      imports: [core, throttling, TypeOrmModule.forFeature([entity])],
      providers: [repositoryProvider(AUTH_EMAIL_TOKEN_REPOSITORY, entity)],
      exports: [AUTH_EMAIL_TOKEN_REPOSITORY],
    };
  }
}

import { Logger, type FactoryProvider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AUTH_TOKEN_OPTIONS } from '../module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { LogMailer } from './log-mailer.js';
import { Mailer } from './mailer.js';
import { findMailerService, MailerServiceMailer } from './mailer-service.mailer.js';

/** The `mailer` option (an instance, or a class built by DI), else @nestjs-modules/mailer's MailerService, else the log. */
export const mailerProvider: FactoryProvider<Mailer> = {
  provide: Mailer,
  inject: [AUTH_TOKEN_OPTIONS, ModuleRef],
  useFactory: async ({ mailer }: ResolvedAuthTokenOptions, moduleRef: ModuleRef): Promise<Mailer> => {
    if (typeof mailer === 'function') return moduleRef.create(mailer);
    if (mailer) return mailer;
    const service = await findMailerService(moduleRef);
    if (service) return new MailerServiceMailer(service);
    new Logger('AuthToken').warn(
      'No mail transport (no mailer option, no MailerModule): confirmation and reset mails are written to the log, links included. Fine for development only.',
    );
    return new LogMailer();
  },
};

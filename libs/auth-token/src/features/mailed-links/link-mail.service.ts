import { Inject, Injectable } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions, ResolvedMailOptions } from '../../core/options/auth-token-options.interface.js';
import { Mailer } from '../../core/mail/mailer.js';
import { renderMail } from '../../core/mail/mail-templates.js';

/** Renders a link mail in the reader's language and hands it to the {@link Mailer}. */
@Injectable()
export class LinkMailService {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly mailer: Mailer,
  ) {}

  async send(
    kind: 'emailConfirm' | 'passwordReset',
    to: string,
    username: string,
    url: string,
    acceptLanguage?: string,
  ): Promise<void> {
    const mail: ResolvedMailOptions = this.options[kind];
    const { subject, text, html } = renderMail(mail.templates, mail.defaultLocale, acceptLanguage, { username, url });
    const from = mail.from ?? this.options.emailConfirm.from;
    await this.mailer.send({ to, ...(from ? { from } : {}), subject, text, ...(html ? { html } : {}) });
  }
}

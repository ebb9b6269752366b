import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Mailer, type MailMessage } from './mailer.js';

/** The part of @nestjs-modules/mailer's MailerService used here (the package is an optional peer). */
interface MailerServiceLike {
  sendMail(options: MailMessage): Promise<unknown>;
}

/** Finds the host's MailerService (from `MailerModule.forRoot`), or null when it has none. */
export async function findMailerService(moduleRef: ModuleRef): Promise<MailerServiceLike | null> {
  let token: abstract new (...args: never[]) => MailerServiceLike;
  try {
    ({ MailerService: token } = await import('@nestjs-modules/mailer'));
  } catch {
    return null;
  }
  try {
    return moduleRef.get(token, { strict: false });
  } catch {
    return null;
  }
}

/** A {@link Mailer} that hands mails to @nestjs-modules/mailer's MailerService (SMTP or any transport). */
@Injectable()
export class MailerServiceMailer extends Mailer {
  constructor(private readonly service: MailerServiceLike) {
    super();
  }

  async send(message: MailMessage): Promise<void> {
    await this.service.sendMail(message);
  }
}

import { Logger } from '@nestjs/common';
import { Mailer, type MailMessage } from './mailer.js';

/**
 * Writes each mail to the log as one JSON line instead of sending it: for development, where a person can
 * copy the link from the console. Never use it in production, since the links are secrets.
 */
export class LogMailer extends Mailer {
  private readonly logger = new Logger('Mail');

  send(message: MailMessage): Promise<void> {
    this.logger.log(JSON.stringify({ mail: message }));
    return Promise.resolve();
  }
}

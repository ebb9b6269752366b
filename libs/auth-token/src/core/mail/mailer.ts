/** One e-mail as the library sends it. */
export interface MailMessage {
  to: string;
  from?: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Sends the library's e-mails (confirmation and password-reset links). The default uses
 * @nestjs-modules/mailer's `MailerService` when the host registered `MailerModule`, else {@link LogMailer}.
 * Provide your own through the `mailer` option. `send` must reject when the mail was not accepted.
 */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>;
}

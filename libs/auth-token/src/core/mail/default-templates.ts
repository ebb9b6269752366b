import type { MailTemplate } from './mail-templates.js';

/** English confirmation mail, used unless the host gives templates. */
export const DEFAULT_CONFIRMATION_TEMPLATE: MailTemplate = {
  subject: 'Confirm your e-mail address',
  text: 'Hello {username},\n\nplease confirm your e-mail address by opening this link:\n\n{url}\n\nIf you did not sign up, ignore this mail.\n',
  html:
    '<p>Hello {username},</p><p>please confirm your e-mail address by opening this link:</p>' +
    '<p><a href="{url}">{url}</a></p><p>If you did not sign up, ignore this mail.</p>',
};

/** English password-reset mail, used unless the host gives templates. */
export const DEFAULT_PASSWORD_RESET_TEMPLATE: MailTemplate = {
  subject: 'Reset your password',
  text: 'Hello {username},\n\nto choose a new password, open this link:\n\n{url}\n\nIf you did not ask for it, ignore this mail; your password stays as it is.\n',
  html:
    '<p>Hello {username},</p><p>to choose a new password, open this link:</p><p><a href="{url}">{url}</a></p>' +
    '<p>If you did not ask for it, ignore this mail; your password stays as it is.</p>',
};

import type { MailTemplate } from '../../core/mail/mail-templates.js';

/** The security notices a user is mailed. */
export type SecurityNoticeKind =
  | 'newSignIn'
  | 'passwordChanged'
  | 'passwordReset'
  | 'mfaEnabled'
  | 'mfaDisabled'
  | 'recoveryCodesRenewed'
  | 'apiTokenCreated'
  | 'passkeyAdded'
  | 'passkeyRemoved'
  | 'tokenLeaked';

/** What a security notice's template may use, as `{name}` in a string or as the argument of a function. */
export interface SecurityNoticeContext {
  username: string;
  /** When it happened, e.g. "2025-11-23 14:05 UTC". */
  time: string;
  /** The IP address of the request that did it, or "an unknown address". */
  ip: string;
  /** "Chrome 138", or "an unknown browser". */
  browser: string;
  /** "Linux", or "an unknown operating system". */
  os: string;
  /** "Chrome 138 on Linux", or "an unknown device". */
  device: string;
  /** The API token's or passkey's name; empty when the notice is about neither. */
  name: string;
  /** For a leaked token: `the API token "CI deploy"` or `a login token (a signed-in session)`. */
  credential: string;
}

const IF_NOT_YOU =
  'If this was not you, someone else has access to your account: log out everywhere, change your password ' +
  'and check the security log of your account.';

const plain = (subject: string, lines: string[]): MailTemplate<SecurityNoticeContext> => ({
  subject,
  text: `Hello {username},\n\n${lines.join('\n\n')}\n`,
});

/** English templates of each notice, used unless the host gives its own. Never a token, a code or a password. */
export const DEFAULT_SECURITY_NOTICE_TEMPLATES: Record<SecurityNoticeKind, MailTemplate<SecurityNoticeContext>> = {
  newSignIn: plain('New sign-in to your account', [
    'your account was just signed in to from a device it has not used in the last 90 days:',
    'Browser: {browser}\nOperating system: {os}\nIP address: {ip}\nTime: {time}',
    'If this was you, there is nothing to do.',
    'If it was not, someone knows your password: log out everywhere (sessions) and change your password at once.',
  ]),
  passwordChanged: plain('Your password was changed', [
    'the password of your account was changed at {time} from {device} ({ip}). Your other sessions were logged out.',
    'If this was not you, reset your password at once and check the security log of your account.',
  ]),
  passwordReset: plain('Your password was reset', [
    'the password of your account was reset with a link mailed to you, at {time} from {device} ({ip}). Every session was logged out.',
    'If this was not you, reset your password at once and check the security log of your account.',
  ]),
  mfaEnabled: plain('Two-factor login was turned on', [
    'two-factor login was turned on for your account at {time} from {device} ({ip}).',
    IF_NOT_YOU,
  ]),
  mfaDisabled: plain('Two-factor login was turned off', [
    'two-factor login was turned off for your account at {time} from {device} ({ip}): a password alone now logs in.',
    IF_NOT_YOU,
  ]),
  recoveryCodesRenewed: plain('New two-factor recovery codes', [
    'new two-factor recovery codes were made for your account at {time} from {device} ({ip}); the old ones no longer work.',
    IF_NOT_YOU,
  ]),
  apiTokenCreated: plain('A new API token was created', [
    'an API token named "{name}" was created for your account at {time} from {device} ({ip}).',
    'If this was not you, revoke the token, log out everywhere, change your password and check the security log of your account.',
  ]),
  passkeyAdded: plain('A passkey was added', [
    'a passkey named "{name}" was added to your account at {time} from {device} ({ip}): it now logs in without a password.',
    'If this was not you, remove the passkey, log out everywhere, change your password and check the security log of your account.',
  ]),
  passkeyRemoved: plain('A passkey was removed', [
    'the passkey named "{name}" was removed from your account at {time} from {device} ({ip}).',
    IF_NOT_YOU,
  ]),
  tokenLeaked: plain('A token of yours was leaked and has been revoked', [
    '{credential} of your account was found where others can see it (leaked), and was revoked at {time}: it no longer works.',
    'If a script used it, create a new token and keep it out of code, logs and public places.',
    'If you did not publish it yourself, check the security log of your account and change your password.',
  ]),
};

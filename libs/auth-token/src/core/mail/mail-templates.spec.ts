import { parseAcceptLanguage, pickLocale, renderMail, type MailTemplates } from './mail-templates.js';

const templates: MailTemplates = {
  en: {
    subject: 'Confirm',
    text: 'Hello {username}, visit {url}',
    html: '<p>Hello {username}, <a href="{url}">confirm</a></p>',
  },
  de: { subject: 'Bestätigen', text: 'Hallo {username}: {url}' },
  'pt-BR': { subject: 'Confirme', text: ({ username, url }) => `Olá ${username} ${url}` },
};

describe('mail templates', () => {
  it('orders accepted languages by quality', () => {
    expect(parseAcceptLanguage('de-CH,de;q=0.9,en;q=0.5,*;q=0.1')).toEqual(['de-ch', 'de', 'en']);
    expect(parseAcceptLanguage('fr;q=0, en')).toEqual(['en']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage('x'.repeat(600))).toEqual([]);
  });

  it.each([
    ['de-CH,de;q=0.9', 'de'],
    ['pt-br', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['fr, de;q=0.3', 'de'],
    ['fr', 'en'],
    [undefined, 'en'],
  ])('picks the template for %j: %s', (header, locale) => {
    expect(pickLocale(templates, header, 'en')).toBe(locale);
  });

  it('fills {username} and {url}, escaping them in HTML only', () => {
    const mail = renderMail(templates, 'en', 'en', { username: '<b>ann</b>', url: 'https://x.test/c/abc?a=1&b=2' });
    expect(mail.subject).toBe('Confirm');
    expect(mail.text).toBe('Hello <b>ann</b>, visit https://x.test/c/abc?a=1&b=2');
    expect(mail.html).toBe(
      '<p>Hello &lt;b&gt;ann&lt;/b&gt;, <a href="https://x.test/c/abc?a=1&amp;b=2">confirm</a></p>',
    );
    expect(renderMail(templates, 'en', 'pt', { username: 'ana', url: 'u' })).toEqual({
      subject: 'Confirme',
      text: 'Olá ana u',
      html: undefined,
    });
  });
});

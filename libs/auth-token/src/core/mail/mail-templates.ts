/** Values a template may use: `{username}` and `{url}`. */
export interface MailContext {
  username: string;
  url: string;
}

/** One mail in one language. Strings may contain `{username}` and `{url}`; functions get the values. */
export interface MailTemplate {
  subject: string | ((context: MailContext) => string);
  text: string | ((context: MailContext) => string);
  /** Optional HTML part. In a string template the values are HTML-escaped. */
  html?: string | ((context: MailContext) => string);
}

/** Templates by locale (`en`, `de`, `pt-BR`, ...); the request's Accept-Language picks one. */
export type MailTemplates = Record<string, MailTemplate>;

export interface RenderedMail {
  subject: string;
  text: string;
  html?: string;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  );

function fill(
  template: string | ((context: MailContext) => string),
  context: MailContext,
  escape = (v: string) => v,
): string {
  if (typeof template === 'function') return template(context);
  return template.replace(/\{(username|url)\}/g, (_match, key: keyof MailContext) => escape(context[key]));
}

/** The languages a client accepts, best first (`de-CH,de;q=0.9,en;q=0.5` → `de-ch`, `de`, `en`). */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header || header.length > 512) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([01](?:\.\d{1,3})?)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(entry.tag) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The key of `templates` that best matches the accepted languages: exact tag, then its language, else `fallback`. */
export function pickLocale(templates: MailTemplates, acceptLanguage: string | undefined, fallback: string): string {
  const available = Object.keys(templates);
  const byLower = new Map(available.map((key) => [key.toLowerCase(), key]));
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const exact = byLower.get(tag) ?? byLower.get(tag.split('-')[0]);
    if (exact) return exact;
    const sameLanguage = available.find((key) => key.toLowerCase().split('-')[0] === tag.split('-')[0]);
    if (sameLanguage) return sameLanguage;
  }
  return fallback;
}

/** Renders the template for the best-matching locale. */
export function renderMail(
  templates: MailTemplates,
  fallback: string,
  acceptLanguage: string | undefined,
  context: MailContext,
): RenderedMail {
  const template = templates[pickLocale(templates, acceptLanguage, fallback)];
  return {
    subject: fill(template.subject, context),
    text: fill(template.text, context),
    html: template.html === undefined ? undefined : fill(template.html, context, escapeHtml),
  };
}

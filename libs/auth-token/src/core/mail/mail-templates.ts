/** Values a template may use: `{username}` and `{url}`. */
export interface MailContext {
  username: string;
  url: string;
}

/** One mail in one language. Strings may contain `{name}` for each value of the context; functions get the values. */
export interface MailTemplate<C extends object = MailContext> {
  subject: string | ((context: C) => string);
  text: string | ((context: C) => string);
  /** Optional HTML part. In a string template the values are HTML-escaped. */
  html?: string | ((context: C) => string);
}

/** Templates by locale (`en`, `de`, `pt-BR`, ...); the request's Accept-Language picks one. */
export type MailTemplates<C extends object = MailContext> = Record<string, MailTemplate<C>>;

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

function fill<C extends object>(
  template: string | ((context: C) => string),
  context: C,
  escape = (v: string) => v,
): string {
  if (typeof template === 'function') return template(context);
  const values = context as Record<string, unknown>;
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    Object.hasOwn(values, key) ? escape(String(values[key])) : match,
  );
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
export function pickLocale(
  templates: Record<string, unknown>,
  acceptLanguage: string | undefined,
  fallback: string,
): string {
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
export function renderMail<C extends object = MailContext>(
  templates: MailTemplates<C>,
  fallback: string,
  acceptLanguage: string | undefined,
  context: C,
): RenderedMail {
  const template = templates[pickLocale(templates, acceptLanguage, fallback)];
  return {
    subject: fill(template.subject, context),
    text: fill(template.text, context),
    html: template.html === undefined ? undefined : fill(template.html, context, escapeHtml),
  };
}

import UAParser from 'ua-parser-js';

/**
 * A readable device for a `User-Agent`, as a person would name it: "Chrome 138 on Linux", "Safari 17 on
 * iOS", "curl 8.5 on an unknown system". Null when there is no User-Agent. Parsed with ua-parser-js.
 */
export function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const { browser, os, device } = new UAParser(userAgent).getResult();
  const client = browser.name
    ? [browser.name, browser.major].filter(Boolean).join(' ')
    : (/^([\w.-]+)\/([\d.]+)/.exec(userAgent)?.slice(1, 3).join(' ') ?? null);
  const system = os.name
    ? [os.name, device.model && device.type === 'mobile' ? `(${device.model})` : ''].filter(Boolean).join(' ')
    : null;
  if (!client && !system) return null;
  return `${client ?? 'An unknown client'} on ${system ?? 'an unknown system'}`;
}

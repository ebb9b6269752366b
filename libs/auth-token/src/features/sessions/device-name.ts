import UAParser from 'ua-parser-js';

/** What a `User-Agent` tells of the device: the browser (with its major version) and the operating system. */
export interface DeviceParts {
  /** "Chrome 138", "curl 8.5.0"; null when the User-Agent names none. */
  browser: string | null;
  /** The browser without its version ("Chrome"): the same browser after an update is the same device. */
  browserFamily: string | null;
  /** "Linux", "iOS (iPhone)"; null when the User-Agent names none. */
  os: string | null;
}

/** The browser and operating system a `User-Agent` names, parsed with ua-parser-js. */
export function deviceParts(userAgent: string | null): DeviceParts {
  if (!userAgent) return { browser: null, browserFamily: null, os: null };
  const { browser, os, device } = new UAParser(userAgent).getResult();
  const other = browser.name ? null : /^([\w.-]+)\/([\d.]+)/.exec(userAgent);
  const family = browser.name ?? other?.[1] ?? null;
  const version = browser.name ? browser.major : other?.[2];
  const system = os.name
    ? [os.name, device.model && device.type === 'mobile' ? `(${device.model})` : ''].filter(Boolean).join(' ')
    : null;
  return { browser: family && [family, version].filter(Boolean).join(' '), browserFamily: family, os: system };
}

/**
 * A readable device for a `User-Agent`, as a person would name it: "Chrome 138 on Linux", "Safari 17 on
 * iOS", "curl 8.5 on an unknown system". Null when there is no User-Agent.
 */
export function deviceName(userAgent: string | null): string | null {
  const { browser, os } = deviceParts(userAgent);
  if (!browser && !os) return null;
  return `${browser ?? 'An unknown client'} on ${os ?? 'an unknown system'}`;
}

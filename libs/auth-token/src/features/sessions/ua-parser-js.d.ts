// The part of ua-parser-js 1.x (MIT; it ships no types of its own) that the sessions list uses.
declare module 'ua-parser-js' {
  interface UAParserResult {
    browser: { name?: string; version?: string; major?: string };
    os: { name?: string; version?: string };
    device: { vendor?: string; model?: string; type?: string };
  }
  const UAParser: new (userAgent?: string) => { getResult(): UAParserResult };
  export default UAParser;
}

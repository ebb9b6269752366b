/** What the leaked-tokens feature tells clients. */
export const LEAKED_TOKENS_MESSAGES = {
  leakReportUnsigned:
    'The report is not signed: send the Github-Public-Key-Identifier and Github-Public-Key-Signature headers.',
  leakReportBadSignature: 'The signature does not match the report or the key it names.',
  leakReportUnknownKey: 'The report is signed with a key that the key server does not serve.',
  leakReportKeysUnavailable: 'The keys that sign leaked-token reports cannot be fetched now: try again later.',
  leakReportNoRawBody:
    'This server cannot check leaked-token reports: it keeps no raw request bodies (create the app with rawBody: true).',
  leakReportShape: 'The report must be a JSON array of {"token", "type", "url", "source"} with a string token.',
  revokeTokensList: (max: number) => `tokens must be a list of at most ${max} strings.`,
} as const;

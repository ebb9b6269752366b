/** The messages the api-tokens feature sends to clients. */
export const API_TOKENS_MESSAGES = {
  noSuchApiToken: 'No such API token.',
  tooManyApiTokens: (max: number) => `You already have ${max} API tokens, the most allowed: revoke one first.`,
  apiTokenName: 'name must be 1 to 100 characters',
  undeclaredScope: (scope: string) => `scopes: "${scope}" is not a scope of this app`,
  scopesList: 'scopes must be a list of scope names',
  expiresIn: (max: number) => `expiresIn must be a whole number of seconds from 1 to ${max}`,
} as const;

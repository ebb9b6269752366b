/** The scopes an API token of the demo may carry (the demo's `scopes` option). */
export const DEMO_SCOPES = {
  'hello:read': 'Read the greeting (GET /api/hello)',
  'hello:write': 'Post to the greeting (POST /api/hello)',
};

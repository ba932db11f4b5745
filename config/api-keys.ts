// The API keys customers make for the host product's API. The scopes are the host product's own:
// edit the list to match what its API checks (Deflect's own usage ingest checks `usage:write`).

export const apiKeyScopes = {
  read: 'Read data through the API.',
  write: 'Create, change and delete data through the API.',
  'usage:write': 'Report usage events (POST /api/v1/usage-events).',
  admin: 'Manage the organization’s settings through the API.',
} as const;

export type ApiKeyScope = keyof typeof apiKeyScopes;

export const apiKeyScopeNames = Object.keys(apiKeyScopes) as [ApiKeyScope, ...ApiKeyScope[]];

export const apiKeyLimits = {
  /** Keys that still work (neither revoked nor expired) per organization. */
  maxActivePerOrganization: 25,
  /** Keys an organization may create (or rotate) per minute. */
  createPerMinute: 10,
} as const;

/** How long the old key keeps working after a rotation. */
export const gracePeriods = {
  '0': { label: 'Immediately', ms: 0 },
  '1h': { label: '1 hour', ms: 3_600_000 },
  '24h': { label: '24 hours', ms: 86_400_000 },
  '7d': { label: '7 days', ms: 7 * 86_400_000 },
} as const;

export type GracePeriod = keyof typeof gracePeriods;

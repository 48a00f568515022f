/** Credentials the reference backends accept; public on purpose, for tests and demos only. */
export const demoCredentials = {
  /** Bearer token of the partner assets API (document 001). */
  partnerToken: 'demo-partner-token-0001',
} as const

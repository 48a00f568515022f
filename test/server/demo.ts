/** Credentials and ids the reference backends accept; public on purpose, for tests and demos only. */
export const demoCredentials = {
  /** Bearer token of the account assets API (document 000). */
  dinteroToken: 'demo-dintero-token-0000',
  /** An account id of document 000's form. */
  dinteroAccountId: 'T12345678',
  /** Bearer token of the partner assets API (document 001). */
  partnerToken: 'demo-partner-token-0001',
  /** API key of the uploads API (document 002). */
  indreamApiKey: 'demo-indream-key-0002',
  /** An API key whose account may not use the uploads route (document 002 answers 403). */
  indreamIneligibleApiKey: 'demo-indream-key-ineligible',
  /** API key of the project assets API (document 003). */
  projectApiKey: 'demo-project-key-0003',
  /** A project that exists in the project assets API (document 003). */
  projectId: 'DtialUGXI36apS40-0cE',
  /** API key of the uploader API (document 004). */
  backofficeApiKey: 'demo-backoffice-key-0004',
  /** An API key without the uploader role (document 004 answers 403). */
  backofficeReadOnlyApiKey: 'demo-backoffice-key-readonly',
} as const

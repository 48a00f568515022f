import type { UploadStrategy } from '../core/strategy'
import { rawBody } from '../strategies/rawBody'
import { type Credential, credentialValue, refreshOf, trimBase } from './credentials'

/** Options of {@link indreamUploads}. */
export interface IndreamUploadsOptions {
  /** The API key, or a function returning it. */
  readonly apiKey: Credential
  /** A project (uuid) to bind the created assets to. */
  readonly projectId?: string
  /**
   * The API's base URL.
   * @default 'https://api.indream.ai'
   */
  readonly apiBase?: string
}

/** Document 002's limits: a name of 1 to 512 characters, and a file of at least one byte. */
export const indreamLimits = { minFileSize: 1, maxNameLength: 512 } as const

/**
 * Uploads (document 002): the file as the whole body of `POST /v1/uploads`, its name in
 * `x-file-name`, the key in `x-api-key`, and the project in `x-project-id`.
 */
export function indreamUploads(options: IndreamUploadsOptions): UploadStrategy {
  const { projectId } = options
  if (
    projectId !== undefined &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(projectId)
  ) {
    throw new TypeError(`indreamUploads needs projectId to be a uuid, not '${projectId}'`)
  }
  return rawBody({
    endpoint: `${trimBase(options.apiBase ?? 'https://api.indream.ai')}/v1/uploads`,
    constraints: indreamLimits,
    ...refreshOf(options.apiKey),
    headers: async () => ({
      'x-api-key': await credentialValue(options.apiKey),
      ...(projectId && { 'x-project-id': projectId }),
    }),
  })
}

import type { AssetRecord, FileInfo } from '../core/asset'
import type { UploadStrategy } from '../core/strategy'
import { type IssuedUpload, presignedPut } from '../strategies/presignedPut'
import { type ReferenceMeta, registerByReference } from '../strategies/registerByReference'
import { type Credential, credentialValue, refreshOf, trimBase } from './credentials'

/** An upload URL from the app's own presign endpoint, with the storage key it writes. */
export interface ProjectUpload extends IssuedUpload {
  /** The key the object is stored under, registered with the project afterwards. */
  readonly key: string
}

/** Options of {@link projectAssets}. */
export interface ProjectAssetsOptions {
  /** The project's id. */
  readonly projectId: string
  /**
   * Lets empty (0-byte) files through; by default they are refused in the browser, before any
   * request.
   * @default false
   */
  readonly allowEmptyFiles?: boolean
  /** The API key (`X-API-KEY`), or a function returning it. */
  readonly apiKey: Credential
  /**
   * The API's origin; empty for the page's own.
   * @default ''
   */
  readonly apiBase?: string
  /** Asks the app's own backend for a presigned PUT URL to its bucket, and the key it writes. */
  readonly presign: (file: FileInfo) => Promise<ProjectUpload>
}

/** The project assets strategy, which can also import by URL. */
export interface ProjectAssetsStrategy extends UploadStrategy {
  /** Creates an asset from a URL the end user pasted. */
  importUrl(input: { url: string; filename?: string; meta?: ReferenceMeta }): Promise<AssetRecord>
}

/**
 * Project assets (document 003): each file goes to the app's bucket by presigned PUT, then
 * `POST /api/v2/projects/{project_id}/assets` registers its key with the title, description,
 * category and tags the end user typed. One progress bar, one asset record. `importUrl` creates
 * an asset from a URL instead.
 */
export function projectAssets(options: ProjectAssetsOptions): ProjectAssetsStrategy {
  const registrar = registerByReference({
    endpoint: `${trimBase(options.apiBase ?? '')}/api/v2/projects/${encodeURIComponent(options.projectId)}/assets`,
    headers: async () => ({ 'x-api-key': await credentialValue(options.apiKey) }),
  })
  const strategy = presignedPut({
    metaFields: registrar.metaFields,
    // An empty file would be stored, then registered as an asset with no content.
    constraints: options.allowEmptyFiles ? {} : { minFileSize: 1 },
    ...refreshOf(options.apiKey),
    getUploadUrl: (file) => options.presign(file),
    // `issued` is what `presign` returned, key included.
    toAsset: ({ file, issued, signal }) =>
      registrar.register(
        { kind: 'storage-key', key: (issued as ProjectUpload).key, filename: file.name },
        file,
        { signal },
      ),
  })
  return { ...strategy, importUrl: registrar.importUrl }
}

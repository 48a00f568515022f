import type { UploadStrategy } from '../core/strategy'
import { multipartForm } from '../strategies/multipartForm'
import { type Credential, credentialValue, refreshOf, trimBase } from './credentials'

/** Options of {@link partnerAssets}. */
export interface PartnerAssetsOptions {
  /** The bearer token, or a function returning a current one. */
  readonly token: Credential
  /**
   * Which endpoint the files go to: `/upload/public` or `/upload/private`.
   * @default 'public'
   */
  readonly access?: 'public' | 'private'
  /**
   * The API's origin; empty for the page's own.
   * @default ''
   */
  readonly apiBase?: string
  /** The document's `assetType` form field, sent with every file when given. */
  readonly assetType?: string
  /**
   * Lets empty (0-byte) files through; the document's server refuses them, so by default they
   * are refused in the browser, before any request.
   * @default false
   */
  readonly allowEmptyFiles?: boolean
}

/**
 * Partner assets (document 001): a multipart form with `name` and `file` to
 * `/api/v1/partner/asset/upload/{public,private}`, answered with a `CompanyAsset`.
 */
export function partnerAssets(options: PartnerAssetsOptions): UploadStrategy {
  const access = options.access ?? 'public'
  return multipartForm({
    endpoint: `${trimBase(options.apiBase ?? '')}/api/v1/partner/asset/upload/${access}`,
    headers: async () => ({ authorization: `Bearer ${await credentialValue(options.token)}` }),
    ...refreshOf(options.token),
    ...(options.assetType !== undefined && { fields: { assetType: options.assetType } }),
    constraints: options.allowEmptyFiles ? {} : { minFileSize: 1 },
  })
}

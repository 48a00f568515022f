import { toAssetRecord } from '../core/asset'
import { AssetDropError } from '../core/errors'
import { isRecord } from '../core/http'
import type { UploadStrategy } from '../core/strategy'
import { requestJson } from '../strategies/kit/requestJson'
import { presignedPut } from '../strategies/presignedPut'
import { type Credential, credentialValue, refreshOf, trimBase } from './credentials'

/** Options of {@link dinteroAssets}. */
export interface DinteroAssetsOptions {
  /** The account id, such as `P12345678` or `T12345678`. */
  readonly accountId: string
  /** The bearer token (a JWT), or a function returning a current one. */
  readonly token: Credential
  /**
   * Who can read the uploaded files.
   * @default 'public'
   */
  readonly access?: 'public' | 'private'
  /**
   * The API's base URL.
   * @default 'https://api.dintero.com'
   */
  readonly apiBase?: string
}

/** Document 000's limits: 1 to 2,000,000 bytes, and six types. */
export const dinteroLimits = {
  minFileSize: 1,
  maxFileSize: 2_000_000,
  allowedTypes: [
    'image/png',
    'image/jpeg',
    'application/pdf',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/csv',
    '.png',
    '.jpg',
    '.jpeg',
    '.pdf',
    '.xls',
    '.xlsx',
    '.csv',
  ],
} as const

/**
 * Account assets (document 000): asks `POST /v1/accounts/{aid}/management/assets` for an upload
 * URL with the bearer token, PUTs the bytes there (the token never goes to the upload host), and
 * returns a record with the answer's `public_url`.
 */
export function dinteroAssets(options: DinteroAssetsOptions): UploadStrategy {
  const { accountId, access = 'public' } = options
  if (!/^[PT]\d{8}$/.test(accountId)) {
    throw new TypeError(
      `dinteroAssets needs an accountId like P12345678 or T12345678, not '${accountId}'`,
    )
  }
  const endpoint = `${trimBase(options.apiBase ?? 'https://api.dintero.com')}/v1/accounts/${accountId}/management/assets`
  return presignedPut({
    constraints: dinteroLimits,
    ...refreshOf(options.token),
    async getUploadUrl(file) {
      const { json, status } = await requestJson({
        url: endpoint,
        headers: { authorization: `Bearer ${await credentialValue(options.token)}` },
        body: { size_bytes: file.size, mime_type: file.type, access },
      })
      if (
        !isRecord(json) ||
        typeof json.upload_url !== 'string' ||
        typeof json.public_url !== 'string'
      ) {
        throw new AssetDropError('bad-response', { status })
      }
      return {
        uploadUrl: json.upload_url,
        expiresIn: typeof json.upload_expires_in === 'number' ? json.upload_expires_in : undefined,
        response: json,
      }
    },
    toAsset: ({ file, issued }) => {
      const answer = issued.response as { public_url: string }
      return toAssetRecord(
        { id: answer.public_url.split('/').pop(), url: answer.public_url, access },
        { strategy: 'presigned-put', file, response: answer },
      )
    },
  })
}

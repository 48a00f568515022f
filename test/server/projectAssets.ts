import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import {
  answer,
  type Backend,
  HttpError,
  header,
  type LoggedRequest,
  readBody,
  sendJson,
} from './http.ts'
import type { S3Store } from './s3.ts'

/** The `asset` of document 003's answers, shaped like its examples. */
export interface ProjectAsset {
  id: string
  external_id: string | null
  parent_id: string | null
  project_id: string
  owner: string
  title: string
  description: string | null
  category: string | null
  tags: string[]
  ai_tags: string[]
  status: 'open'
  media_type: 'placeholder' | 'article' | 'processing'
  original_filename: string | null
  drop_folder_id: string | null
  md5_sum: string | null
  created_date: string
  modification_date: string
  deleted: boolean | null
}

/** A created asset and where its media came from. */
export interface StoredProjectAsset {
  readonly asset: ProjectAsset
  readonly media?: { readonly s3Key: string } | { readonly fileUrl: string }
}

export interface ProjectAssetsOptions {
  /** The API key the API accepts. */
  readonly apiKey: string
  /** The ids of the projects that exist. */
  readonly projectIds: readonly string[]
  /** Who owns the assets the key creates. */
  readonly owner?: string
  readonly s3: () => S3Store
  readonly log?: (entry: LoggedRequest) => void
}

const route = /^\/api\/v2\/projects\/([^/]+)\/assets\/?$/

/**
 * The assets API of document 003: `POST /api/v2/projects/{project_id}/assets` with `X-API-KEY`
 * and a JSON body (`title` required; `description`, `category`, `external_id` strings; `tags` an
 * array of strings; `media_type` only `article`; media from `url: {file_url, filename}` or
 * `s3: {s3_key, filename}`, the key naming an object in the S3 store). Answers `{asset}` or
 * `{error}` with 401, 404, 422 or 400 as the document shows.
 */
export function projectAssetsBackend(options: ProjectAssetsOptions) {
  const assets = new Map<string, StoredProjectAsset>()

  const handle: Backend = async (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    const match = route.exec(path)
    if (!match) return false
    return answer('project-assets', request, response, options.log, async ({ setLabel }) => {
      if (request.method !== 'POST') throw failure(405, 'Method not allowed')
      const body = await readJson(request)
      if (typeof body.title === 'string') setLabel(body.title)
      if (header(request, 'x-api-key') !== options.apiKey) throw failure(401, 'Unauthorized')
      const projectId = decodeURIComponent(match[1] ?? '')
      if (!options.projectIds.includes(projectId)) throw failure(404, 'project not found')

      const title = requiredString(body, 'title')
      const description = optionalString(body, 'description')
      const category = optionalString(body, 'category')
      const externalId = optionalString(body, 'external_id')
      const tags = optionalStringArray(body, 'tags')
      if (body.media_type !== undefined && body.media_type !== 'article') {
        throw failure(
          422,
          `Invalid parameter 'media_type' value ${inspect(body.media_type)}: Must be one of: <code>article</code>.`,
        )
      }
      const url = optionalHash(body, 'url')
      const s3 = optionalHash(body, 's3')
      const fileUrl = url && requiredString(url, 'file_url', 'url')
      const urlFilename = url && requiredString(url, 'filename', 'url')
      const s3Key = s3 && requiredString(s3, 's3_key', 's3')
      const s3Filename = s3 && requiredString(s3, 'filename', 's3')
      if (url && s3) throw failure(422, 'Invalid parameters: give either url or s3, not both')

      const now = new Date().toISOString()
      const asset: ProjectAsset = {
        id: newId(),
        external_id: externalId ?? null,
        parent_id: null,
        project_id: projectId,
        owner: options.owner ?? 'api-user@example.com',
        title,
        description: description ?? null,
        category: category?.toLowerCase() ?? null,
        tags: tags ?? [],
        ai_tags: [],
        status: 'open',
        media_type: body.media_type === 'article' ? 'article' : 'placeholder',
        original_filename: null,
        drop_folder_id: null,
        md5_sum: null,
        created_date: now,
        modification_date: now,
        deleted: null,
      }
      // The asset exists from here on, even when its media then fails, as the document shows.
      assets.set(asset.id, { asset })
      if (fileUrl !== undefined) {
        if (!isHttpUrl(fileUrl)) {
          throw failure(
            400,
            `Asset ${asset.id} created, adding media to asset failed: not a valid HTTP URL`,
          )
        }
        Object.assign(asset, { media_type: 'processing', original_filename: urlFilename ?? null })
        assets.set(asset.id, { asset, media: { fileUrl } })
      } else if (s3Key !== undefined) {
        if (!(await options.s3().headObject(s3Key))) {
          throw failure(
            400,
            `Asset ${asset.id} created, adding media to asset failed: S3 object not found`,
          )
        }
        Object.assign(asset, { media_type: 'processing', original_filename: s3Filename ?? null })
        assets.set(asset.id, { asset, media: { s3Key } })
      }
      sendJson(response, 200, { asset })
      return 200
    })
  }

  return { handle, assets }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(request, 1024 * 1024)).toString('utf8')
  if (!(header(request, 'content-type') ?? '').startsWith('application/json')) {
    throw failure(422, 'Content-Type must be application/json')
  }
  try {
    const value: unknown = JSON.parse(text || '{}')
    if (isHash(value)) return value
  } catch {}
  throw failure(422, 'The body must be a JSON object')
}

function requiredString(params: Record<string, unknown>, name: string, parent?: string): string {
  const label = parent ? `${parent}[${name}]` : name
  const value = params[name]
  if (value === undefined || value === null) throw failure(422, `Missing parameter ${label}`)
  if (typeof value !== 'string')
    throw failure(422, `Invalid parameter '${label}' value ${inspect(value)}: Must be a String`)
  return value
}

function optionalString(params: Record<string, unknown>, name: string): string | undefined {
  return params[name] === undefined ? undefined : requiredString(params, name)
}

function optionalStringArray(params: Record<string, unknown>, name: string): string[] | undefined {
  const value = params[name]
  if (value === undefined) return undefined
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw failure(
      422,
      `Invalid parameter '${name}' value ${inspect(value)}: Must be an array of String`,
    )
  }
  return value
}

function optionalHash(
  params: Record<string, unknown>,
  name: string,
): Record<string, unknown> | undefined {
  const value = params[name]
  if (value === undefined) return undefined
  if (!isHash(value))
    throw failure(422, `Invalid parameter '${name}' value ${inspect(value)}: Must be a Hash`)
  return value
}

function isHash(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** A value as the document's messages show it: strings quoted, the rest as JSON. */
function inspect(value: unknown): string {
  return JSON.stringify(value) ?? String(value)
}

function newId(): string {
  return randomBytes(15).toString('base64url').slice(0, 20)
}

function failure(status: number, error: string): HttpError {
  return new HttpError(status, { error })
}

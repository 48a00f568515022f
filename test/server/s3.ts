import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from '@20minutes/s3rver'
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { FaultRegistry } from './faults.ts'

/** The bucket every reference backend stores its objects in. */
export const bucket = 'assetdrop-reference'

/** s3rver's built-in account; public on purpose, loopback only. */
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

/** What a presigned PUT is signed for. */
export interface PresignPutOptions {
  readonly key: string
  readonly contentType: string
  readonly contentLength: number
  /** Seconds until the URL expires. */
  readonly expiresIn: number
}

/** A running S3-compatible store (s3rver, which verifies SigV4 signatures and expiry). */
export interface S3Store {
  /** The store's origin, such as `http://127.0.0.1:41234`. */
  readonly url: string
  /** A SigV4 presigned PUT URL, with `content-type` and the exact `content-length` signed. */
  presignPut(options: PresignPutOptions): Promise<string>
  /** The object's bytes and type, or `undefined` when there is none. */
  getObject(key: string): Promise<{ bytes: Buffer; contentType: string } | undefined>
  /** The object's size and type, or `undefined` when there is none. */
  headObject(key: string): Promise<{ size: number; contentType: string } | undefined>
  /** A presigned URL for one S3 request (PUT, or a multipart upload's steps), as an app's signer makes. */
  signRequest(request: {
    method: string
    key: string
    uploadId?: string
    partNumber?: number
    contentType?: string
    expiresIn?: number
  }): Promise<string>
  /** Stores an object directly, as an app's backend would. */
  putObject(key: string, bytes: Buffer, contentType: string): Promise<void>
  close(): Promise<void>
}

/**
 * Starts s3rver on 127.0.0.1 behind the fault controls, with one bucket whose CORS allows any
 * page origin and exposes `ETag`.
 */
export async function startS3Store(options: {
  faults: FaultRegistry
  port?: number
}): Promise<S3Store> {
  const directory = await mkdtemp(join(tmpdir(), 'assetdrop-s3-'))
  const s3rver = new S3rver({
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket, configs: [corsConfiguration] }],
  })
  await s3rver.configureBuckets()
  const handle = s3rver.callback()
  const parts = new PartLedger()
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    // One connection per request, as in the reference server (see there).
    response.setHeader('connection', 'close')
    const origin = request.headers.origin
    options.faults
      .apply(
        request,
        response,
        origin
          ? {
              'access-control-allow-origin': origin,
              'access-control-expose-headers': 'Retry-After',
            }
          : {},
      )
      .then((answered) => {
        if (answered) return
        if (parts.answerListParts(request, response)) return
        parts.watch(request, response)
        handle(request, response)
      })
      .catch(() => response.destroy())
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const client = new S3Client({
    endpoint: url,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })

  return {
    url,
    presignPut: ({ key, contentType, contentLength, expiresIn }) =>
      getSignedUrl(
        client,
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          ContentType: contentType,
          ContentLength: contentLength,
        }),
        // The presigner leaves these unsigned by default; signing them makes S3 refuse other values.
        { expiresIn, signableHeaders: new Set(['content-type', 'content-length']) },
      ),
    async getObject(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
        const bytes = Buffer.from((await object.Body?.transformToByteArray()) ?? [])
        return { bytes, contentType: object.ContentType ?? 'application/octet-stream' }
      } catch (error) {
        if (isNotFound(error)) return undefined
        throw error
      }
    },
    async headObject(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
        return {
          size: head.ContentLength ?? 0,
          contentType: head.ContentType ?? 'application/octet-stream',
        }
      } catch (error) {
        if (isNotFound(error)) return undefined
        throw error
      }
    },
    signRequest({ method, key, uploadId, partNumber, contentType, expiresIn = 900 }) {
      const target = { Bucket: bucket, Key: key }
      const type = contentType ? { ContentType: contentType } : {}
      const options = { expiresIn }
      if (method === 'PUT' && uploadId && partNumber) {
        return getSignedUrl(
          client,
          new UploadPartCommand({ ...target, UploadId: uploadId, PartNumber: partNumber }),
          options,
        )
      }
      if (method === 'PUT')
        return getSignedUrl(client, new PutObjectCommand({ ...target, ...type }), options)
      if (method === 'POST' && uploadId) {
        return getSignedUrl(
          client,
          new CompleteMultipartUploadCommand({ ...target, UploadId: uploadId }),
          options,
        )
      }
      if (method === 'POST')
        return getSignedUrl(
          client,
          new CreateMultipartUploadCommand({ ...target, ...type }),
          options,
        )
      if (method === 'GET' && uploadId) {
        return getSignedUrl(
          client,
          new ListPartsCommand({ ...target, UploadId: uploadId }),
          options,
        )
      }
      if (method === 'DELETE' && uploadId) {
        return getSignedUrl(
          client,
          new AbortMultipartUploadCommand({ ...target, UploadId: uploadId }),
          options,
        )
      }
      return Promise.reject(new TypeError(`Cannot sign ${method} ${key}`))
    },
    async putObject(key, bytes, contentType) {
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }),
      )
    },
    async close() {
      client.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      s3rver.logger.exceptions.unhandle()
      s3rver.logger.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: unknown }).name
  return name === 'NoSuchKey' || name === 'NotFound'
}

const corsConfiguration = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`

/**
 * s3rver stores multipart parts but cannot list them (ListParts answers 405), which resuming an
 * interrupted upload needs. The ledger notes each part s3rver accepts, with its ETag, and answers
 * ListParts from it. Its signature is not checked (s3rver checks every request that stores bytes).
 */
class PartLedger {
  #parts = new Map<string, Map<number, { etag: string; size: number }>>()

  /** Notes the part a successful UploadPart stored. */
  watch(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://s3.invalid')
    const uploadId = url.searchParams.get('uploadId')
    const partNumber = Number(url.searchParams.get('partNumber'))
    if (request.method !== 'PUT' || !uploadId || !partNumber) return
    const size = Number(request.headers['content-length'] ?? 0)
    response.once('finish', () => {
      const etag = response.getHeader('etag')
      if (response.statusCode !== 200 || typeof etag !== 'string') return
      const parts = this.#parts.get(uploadId) ?? new Map()
      parts.set(partNumber, { etag, size })
      this.#parts.set(uploadId, parts)
    })
  }

  /** Answers `GET /{bucket}/{key}?uploadId=…` with the parts noted; `false` for other requests. */
  answerListParts(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? '/', 'http://s3.invalid')
    const uploadId = url.searchParams.get('uploadId')
    if (request.method !== 'GET' || !uploadId || url.searchParams.has('partNumber')) return false
    const parts = [...(this.#parts.get(uploadId) ?? new Map()).entries()].sort(([a], [b]) => a - b)
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<ListPartsResult><UploadId>${uploadId}</UploadId><IsTruncated>false</IsTruncated>${parts
      .map(
        ([number, part]) =>
          `<Part><PartNumber>${number}</PartNumber><ETag>${part.etag.replace(/"/g, '&quot;')}</ETag><Size>${part.size}</Size></Part>`,
      )
      .join('')}</ListPartsResult>`
    const origin = request.headers.origin
    response.writeHead(200, {
      'content-type': 'application/xml',
      ...(origin && {
        'access-control-allow-origin': origin,
        'access-control-expose-headers': 'ETag, Retry-After',
      }),
    })
    response.end(xml)
    return true
  }
}

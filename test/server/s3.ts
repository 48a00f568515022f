import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from '@20minutes/s3rver'
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
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
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    options.faults
      .apply(request, response)
      .then((answered) => {
        if (!answered) handle(request, response)
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

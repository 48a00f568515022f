/**
 * The fault matrix: every strategy against its reference backend's fault controls. Each case
 * uploads two files, puts the fault on the first one's requests only (matched by an `x-file`
 * header), and checks each file's final state, the exact number of requests each file's
 * faulty endpoint received, and that the second file went through untouched.
 *
 * Time is the test's: the uploader runs on a clock the test moves forward, with a stall timeout
 * far beyond the test's own limit, so only a request the server really holds is ever given up,
 * however busy the machine is. One file (over 500 lines): the matrix is one table of cases
 * by strategies, and each subject's setup sits next to the cases it serves.
 */

import { afterEach, describe, expect, it } from 'vitest'
import { server } from 'vitest/browser'
import type { FileInfo } from '../../src/core/asset'
import type { UploadStrategy } from '../../src/core/strategy'
import { createUploader, type Uploader } from '../../src/core/uploader/createUploader'
import type { UploadItem } from '../../src/core/uploader/store'
import { imageOnly } from '../../src/strategies/imageOnly'
import { requestJson } from '../../src/strategies/kit/requestJson'
import { multipartForm } from '../../src/strategies/multipartForm'
import { presignedPut } from '../../src/strategies/presignedPut'
import { rawBody } from '../../src/strategies/rawBody'
import { registerByReference } from '../../src/strategies/registerByReference'
import { type S3SignRequest, s3Multipart } from '../../src/strategies/s3Multipart'
import { image } from '../presets/fixtures'
import { demoCredentials as c } from '../server/demo'
import type { FaultAction, FaultMatch } from '../server/faults'
import {
  addFault,
  appPresign,
  bytesWithHeader,
  createTestClock,
  faultTaken,
  pdfFile,
  referenceUrl,
  type TestClock,
  uniqueName,
} from '../support'
import { type SpiedRequest, spyOnNetwork } from '../validation/networkSpy'

/** The app's credential: a token it can renew, counting the renewals. */
class AppAuth {
  refreshes = 0
  constructor(readonly token: string) {}
  refresh = async () => {
    this.refreshes += 1
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

interface Subject {
  readonly name: string
  /** The strategy; every request it sends carries `x-file: <file name>`. */
  strategy(auth: AppAuth): UploadStrategy
  /** A file the backend accepts; `large` ones outlast the socket buffers, so a body can be cut short. */
  file(size: 'small' | 'large'): Promise<File>
  /** The request that carries the file (or, for a registrar, the one that creates the record). */
  readonly target: FaultMatch
  /** The request a refused credential or a malformed success hits, when not the target. */
  readonly api?: FaultMatch
  /** Whether a request whose effect is unknown is sent again (a PUT to one URL is). */
  readonly replaySafe: boolean
  /**
   * Whether the Uppy plugin itself sends a storage request again after a 5xx, 429 or dropped
   * connection, within one attempt (`@uppy/aws-s3` does, 0.3 s apart): the app's API (`api`)
   * then stands for the answers the uploader's policy handles, such as a 429's `Retry-After`.
   */
  readonly pluginRetries?: boolean
}

const MiB = 1024 * 1024
/** Far beyond any test's own time limit: only the test's clock can make a request stall. */
const stallTimeout = 60_000
const tagged = (file: FileInfo) => ({ 'x-file': file.name })
const pdf = (size: 'small' | 'large') =>
  Promise.resolve(pdfFile(uniqueName('doc.pdf'), size === 'large' ? 12 * MiB : 3000))
/** A real PNG, padded after its end to 12 MiB when large (decoders stop at the end). */
async function png(size: 'small' | 'large'): Promise<File> {
  const file = await image('png')
  if (size === 'small') return file
  return new File([file, bytesWithHeader('', 12 * MiB - file.size)], file.name, {
    type: 'image/png',
  })
}

const subjects: Subject[] = [
  {
    name: 'multipartForm (document 001)',
    strategy: (auth) =>
      multipartForm({
        endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
        headers: (file) => ({ authorization: `Bearer ${auth.token}`, ...tagged(file) }),
        refreshCredentials: auth.refresh,
      }),
    file: pdf,
    target: { method: 'POST', path: '/partner/asset/upload/' },
    replaySafe: false,
  },
  {
    name: 'rawBody (document 002)',
    strategy: (auth) =>
      rawBody({
        endpoint: `${referenceUrl}/v1/uploads`,
        headers: (file) => ({ 'x-api-key': auth.token, ...tagged(file) }),
        refreshCredentials: auth.refresh,
      }),
    file: pdf,
    target: { method: 'POST', path: '/v1/uploads' },
    replaySafe: false,
  },
  {
    name: 'imageOnly (document 004)',
    strategy: (auth) =>
      imageOnly({
        endpoint: `${referenceUrl}/upload/image`,
        headers: (file) => ({ 'x-api-key': auth.token, ...tagged(file) }),
        refreshCredentials: auth.refresh,
      }),
    file: png,
    target: { method: 'POST', path: '/upload/image' },
    replaySafe: false,
  },
  {
    name: 'presignedPut (document 000)',
    strategy: (auth) =>
      presignedPut({
        async getUploadUrl(file) {
          const { json } = await requestJson({
            url: `${referenceUrl}/v1/accounts/${c.dinteroAccountId}/management/assets`,
            headers: { authorization: `Bearer ${auth.token}`, ...tagged(file) },
            body: { size_bytes: file.size, mime_type: file.type },
          })
          const answer = (json ?? {}) as { upload_url: string; upload_expires_in: number }
          return {
            uploadUrl: answer.upload_url,
            expiresIn: answer.upload_expires_in,
            headers: tagged(file),
            response: json,
          }
        },
        refreshCredentials: auth.refresh,
      }),
    file: png,
    target: { method: 'PUT', path: '/dintero/' },
    api: { method: 'POST', path: '/management/assets' },
    replaySafe: true,
  },
  {
    name: 'registerByReference (document 003)',
    strategy(auth) {
      const registrar = registerByReference({
        endpoint: `${referenceUrl}/api/v2/projects/${c.projectId}/assets`,
        headers: (file) => ({ 'x-api-key': auth.token, ...tagged(file) }),
      })
      return presignedPut({
        metaFields: registrar.metaFields,
        getUploadUrl: async (file) => ({ ...(await appPresign(file)), headers: tagged(file) }),
        toAsset: ({ file, issued }) =>
          registrar.register(
            {
              kind: 'storage-key',
              key: (issued as unknown as { key: string }).key,
              filename: file.name,
            },
            file,
          ),
        refreshCredentials: auth.refresh,
      })
    },
    file: png,
    target: { method: 'POST', path: '/api/v2/projects/' },
    replaySafe: false,
  },
  {
    name: 's3Multipart (signed S3 requests)',
    strategy(auth) {
      /** The file each key belongs to, to tag the S3 requests with its name. */
      const names = new Map<string, string>()
      return s3Multipart({
        objectKey: (file) => {
          const key = `projects/matrix/${file.id}/${file.name}`
          names.set(key, file.name)
          return key
        },
        async signRequest(request: S3SignRequest) {
          const tag = { 'x-file': names.get(request.key) ?? '' }
          const { json } = await requestJson({
            url: `${referenceUrl}/app/s3/sign`,
            headers: { authorization: `Bearer ${auth.token}`, ...tag },
            body: request,
          })
          return { ...(json as { url: string }), headers: tag }
        },
        refreshCredentials: auth.refresh,
      })
    },
    file: png,
    target: { method: 'PUT', path: '/projects/matrix/' },
    api: { method: 'POST', path: '/app/s3/sign' },
    replaySafe: true,
    pluginRetries: true,
  },
]

const tokens: Record<string, string> = {
  'multipartForm (document 001)': c.partnerToken,
  'rawBody (document 002)': c.indreamApiKey,
  'imageOnly (document 004)': c.backofficeApiKey,
  'presignedPut (document 000)': c.dinteroToken,
  'registerByReference (document 003)': c.projectApiKey,
  's3Multipart (signed S3 requests)': 'app-session-token',
}

/** Requests the page sent to `match`'s endpoint for `file`. */
function sent(requests: readonly SpiedRequest[], match: FaultMatch, file: File): number {
  return requests.filter(
    (request) =>
      request.method === match.method &&
      new URL(request.url).pathname.includes(match.path ?? '') &&
      Object.entries(request.headers).some(
        ([name, value]) => name.toLowerCase() === 'x-file' && value === file.name,
      ),
  ).length
}

const fault = (match: FaultMatch, file: File, action: FaultAction, count = 1) =>
  addFault({ match: { ...match, header: ['x-file', file.name] }, action, count })

/** Uploads `a` and `b` with the fault already set, returning their final items. */
async function run(
  subject: Subject,
  files: { a: File; b: File },
  options: {
    auth?: AppAuth
    during?: (uploader: Uploader, clock: TestClock) => Promise<void>
  } = {},
) {
  const auth = options.auth ?? new AppAuth(tokens[subject.name] ?? '')
  const events: string[] = []
  const clock = createTestClock()
  const uploader = createUploader({
    strategy: subject.strategy(auth),
    clock,
    retry: { delay: 50, stallTimeout, random: () => 0.5 },
    onAssetUploaded: ({ file }) => events.push(`uploaded ${file.name}`),
    onUploadError: ({ file }) => events.push(`failed ${file.name}`),
  })
  const spy = spyOnNetwork()
  try {
    const { added, rejected } = await uploader.addFiles([files.a, files.b])
    expect(rejected).toEqual([])
    const uploading = uploader.upload()
    await options.during?.(uploader, clock)
    const outcome = await uploading
    const itemOf = (file: File) =>
      uploader.getSnapshot().items.find((item) => item.name === file.name) as UploadItem
    return {
      outcome,
      a: itemOf(files.a),
      b: itemOf(files.b),
      requests: spy.requests,
      auth,
      events,
      added,
      uploader,
      clock,
    }
  } finally {
    spy.stop()
    live.push(uploader)
  }
}

/** The uploaders of the test under way, destroyed after it. */
const live: Uploader[] = []
afterEach(() => {
  for (const uploader of live.splice(0)) uploader.destroy()
})

const s3Expired = {
  kind: 'respond',
  status: 403,
  contentType: 'application/xml',
  body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
} as const

describe.each(subjects)('$name under faults', (subject) => {
  // A success that can't be read: the generic strategies' record reader names it
  // `answer-unrecognized` (the file was stored, so it is never sent again); the mappers of the
  // presigned and registered flows, `bad-response`.
  const unreadable = /^(multipartForm|rawBody|imageOnly)/.test(subject.name)
    ? 'answer-unrecognized'
    : 'bad-response'

  const two = async (size: 'small' | 'large' = 'small') => ({
    a: await subject.file(size),
    b: await subject.file('small'),
  })
  /** The other file went through once, untouched. */
  const bUntouched = (result: Awaited<ReturnType<typeof run>>, b: File) => {
    expect(result.b.status).toBe('succeeded')
    expect(sent(result.requests, subject.target, b)).toBe(1)
    expect(result.events).toContain(`uploaded ${b.name}`)
  }

  it('5xx then success: retried once, after the backoff', async () => {
    const files = await two()
    await fault(subject.target, files.a, { kind: 'respond', status: 503, body: '{}' })
    const result = await run(subject, files)
    expect(result.a.status).toBe('succeeded')
    expect(sent(result.requests, subject.target, files.a)).toBe(2)
    expect(result.outcome.assets).toHaveLength(2)
    bUntouched(result, files.b)
  })

  it('429 with Retry-After: waits what the server asked, shown as `retrying`, then succeeds', async () => {
    const files = await two()
    // A plugin that retries storage requests itself leaves the app's API to stand for a 429.
    const match = subject.pluginRetries && subject.api ? subject.api : subject.target
    await fault(match, files.a, {
      kind: 'respond',
      status: 429,
      body: '{"message":"slow down"}',
      headers: { 'retry-after': '1' },
    })
    const waits: number[] = []
    const result = await run(subject, files, {
      during: async (uploader, clock) => {
        uploader.subscribe(() => {
          const item = uploader.getSnapshot().items.find((entry) => entry.name === files.a.name)
          if (item?.status === 'retrying' && item.retryAt !== undefined && waits.length === 0) {
            waits.push(item.retryAt - clock.now())
            expect(item.error).toMatchObject({ code: 'rate-limited', retryAfter: 1000 })
          }
        })
      },
    })
    expect(waits).toHaveLength(1)
    // Announced as it began: the whole second the server asked for (read on the same clock),
    // spread by at most half the backoff (this run's `delay` is 50 ms).
    expect(waits[0]).toBeGreaterThan(950)
    expect(waits[0]).toBeLessThanOrEqual(1000 + 50 / 2)
    expect(result.a.status).toBe('succeeded')
    expect(sent(result.requests, match, files.a)).toBe(2)
    bUntouched(result, files.b)
  })

  it('401 then refreshed: one refresh shared by both files, then one more try each', async () => {
    const files = await two()
    const match = subject.api ?? subject.target
    await fault(match, files.a, { kind: 'respond', status: 401, body: '{"message":"expired"}' })
    await fault(match, files.b, { kind: 'respond', status: 401, body: '{"message":"expired"}' })
    const result = await run(subject, files)
    expect(result.auth.refreshes).toBe(1)
    expect([result.a.status, result.b.status]).toEqual(['succeeded', 'succeeded'])
    expect(sent(result.requests, match, files.a)).toBe(2)
    expect(sent(result.requests, match, files.b)).toBe(2)
  })

  it('a 401 again after the refresh fails the file as `unauthorized`, without a second refresh', async () => {
    const files = await two()
    const match = subject.api ?? subject.target
    await fault(match, files.a, { kind: 'respond', status: 401, body: '{}' }, 2)
    const result = await run(subject, files)
    expect(result.auth.refreshes).toBe(1)
    expect(result.a).toMatchObject({ status: 'failed', error: { code: 'unauthorized' } })
    expect(sent(result.requests, match, files.a)).toBe(2)
    bUntouched(result, files.b)
  })

  it('another 4xx: failed at once with the server’s message, never sent again', async () => {
    const files = await two()
    await fault(subject.target, files.a, {
      kind: 'respond',
      status: 422,
      body: '{"message":"not this one"}',
    })
    const result = await run(subject, files)
    expect(result.a).toMatchObject({
      status: 'failed',
      error: { code: 'rejected', status: 422, serverMessage: 'not this one' },
    })
    expect(sent(result.requests, subject.target, files.a)).toBe(1)
    expect(result.outcome.failed.map((failure) => failure.file.name)).toEqual([files.a.name])
    bUntouched(result, files.b)
  })

  it('an expired URL: renewed once (a fresh URL where the API issues them), then succeeds', async () => {
    const files = await two()
    await fault(subject.target, files.a, s3Expired)
    const result = await run(subject, files)
    expect(result.a.status).toBe('succeeded')
    expect(sent(result.requests, subject.target, files.a)).toBe(2)
    if (subject.api) expect(sent(result.requests, subject.api, files.a)).toBe(2)
    bUntouched(result, files.b)
  })

  it('the connection dropped mid-body: sent again, as the server cannot have stored it', async () => {
    const files = await two(subject.replaySafe ? 'small' : 'large')
    await fault(subject.target, files.a, { kind: 'drop-mid-body' })
    const result = await run(subject, files)
    if (subject.name.startsWith('registerByReference')) {
      // A JSON body is sent whole at once, so its fate is unknown: a POST is not repeated.
      expect(result.a).toMatchObject({ status: 'failed', error: { code: 'network' } })
      expect(sent(result.requests, subject.target, files.a)).toBe(1)
    } else {
      expect(result.a.status).toBe('succeeded')
      expect(sent(result.requests, subject.target, files.a)).toBe(2)
    }
    bUntouched(result, files.b)
  }, 30_000)

  it('the connection dropped after the whole body: repeated only where that is safe', async () => {
    const files = await two()
    await fault(subject.target, files.a, { kind: 'drop-after-body' })
    const result = await run(subject, files)
    if (subject.replaySafe) {
      expect(result.a.status).toBe('succeeded')
      expect(sent(result.requests, subject.target, files.a)).toBe(2)
    } else if (server.browser === 'firefox' && result.a.status === 'succeeded') {
      // Firefox itself sends an XHR again when the keep-alive connection it reused closes
      // without an answer, POST included, before the page hears of it: the server gets the file
      // twice. Nothing in a page can stop that (the README says so). When the connection was
      // fresh, Firefox behaves as the others do (the branch below).
      expect(sent(result.requests, subject.target, files.a)).toBe(2)
    } else {
      expect(result.a).toMatchObject({
        status: 'failed',
        error: { code: 'network', unconfirmed: true },
      })
      expect(sent(result.requests, subject.target, files.a)).toBe(1)
    }
    bUntouched(result, files.b)
  })

  it('a stall: given up once the clock passes the stall timeout, then retried or failed with `timeout`', async () => {
    const files = await two(subject.replaySafe ? 'small' : 'large')
    await fault(subject.target, files.a, { kind: 'stall' })
    // The other file's answer is slow, as on a busy machine: no stall, as no time was up.
    await fault(subject.target, files.b, { kind: 'delay', ms: 1500 })
    const result = await run(subject, files, {
      during: async (uploader, clock) => {
        // The server holds the first file's request, and the second one is done.
        await expect.poll(() => faultTaken(files.a.name)).toBe(true)
        await expect
          .poll(() => uploader.getSnapshot().items.map((item) => item.status))
          .toEqual(['uploading', 'succeeded'])
        clock.advance(stallTimeout)
      },
    })
    if (subject.name.startsWith('registerByReference')) {
      // The register call had its whole (JSON) body sent: not repeated.
      expect(result.a).toMatchObject({
        status: 'failed',
        error: { code: 'timeout', unconfirmed: true, params: { seconds: 60 } },
      })
      expect(sent(result.requests, subject.target, files.a)).toBe(1)
    } else {
      expect(result.a.status).toBe('succeeded')
      expect(sent(result.requests, subject.target, files.a)).toBe(2)
    }
    bUntouched(result, files.b)
  }, 30_000)

  it('abort: cancelling one file mid-flight stops its request at once and nothing more is heard of it', async () => {
    const files = await two()
    // Hold the first file's bytes on their way, so the cancel lands mid-flight.
    const uploadRequest = subject.name.startsWith('registerByReference')
      ? { method: 'PUT', path: '/projects/' }
      : subject.target
    await fault(uploadRequest, files.a, { kind: 'stall' })
    const result = await run(subject, files, {
      during: async (uploader) => {
        // Mid-flight: the server holds the request (not a fixed wait, which a busy machine outruns).
        await expect.poll(() => faultTaken(files.a.name)).toBe(true)
        const id = uploader.getSnapshot().items.find((i) => i.name === files.a.name)?.id ?? ''
        uploader.cancel(id)
      },
    })
    expect(result.a.status).toBe('cancelled')
    expect(result.events.filter((event) => event.endsWith(files.a.name))).toEqual([])
    expect(sent(result.requests, uploadRequest, files.a)).toBe(1)
    const request = result.requests.find(
      (entry) => entry.method === uploadRequest.method && entry.headers['x-file'] === files.a.name,
    )
    // The request was aborted: the browser holds nothing for it any more.
    expect(request?.xhr?.readyState).toBe(XMLHttpRequest.UNSENT)
    // Well past the stall timeout: still cancelled, still no callback.
    result.clock.advance(2 * stallTimeout)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(result.uploader.getSnapshot().items.find((i) => i.id === result.a.id)?.status).toBe(
      'cancelled',
    )
    expect(result.events.filter((event) => event.endsWith(files.a.name))).toEqual([])
    bUntouched(result, files.b)
  })

  it('offline then online: nothing is sent while offline, and the files go when it is back', async () => {
    const files = await two()
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false })
    window.dispatchEvent(new Event('offline'))
    let sentWhileOffline = -1
    try {
      const result = await run(subject, files, {
        during: async (uploader) => {
          await expect
            .poll(() =>
              uploader
                .getSnapshot()
                .items.map((item) =>
                  item.status === 'retrying' && item.retryAt === undefined
                    ? 'waiting'
                    : item.status,
                ),
            )
            .toEqual(['waiting', 'waiting'])
          expect(uploader.getSnapshot().online).toBe(false)
          sentWhileOffline = 0
          // Back online.
          delete (navigator as { onLine?: boolean }).onLine
          window.dispatchEvent(new Event('online'))
        },
      })
      expect(sentWhileOffline).toBe(0)
      expect([result.a.status, result.b.status]).toEqual(['succeeded', 'succeeded'])
      expect(sent(result.requests, subject.target, files.a)).toBe(1)
      expect(sent(result.requests, subject.target, files.b)).toBe(1)
      expect(result.uploader.getSnapshot().online).toBe(true)
    } finally {
      delete (navigator as { onLine?: boolean }).onLine
      if (onLine && navigator.onLine !== true) window.dispatchEvent(new Event('online'))
    }
  })

  it('a malformed 200: failed as unreadable, never retried', async () => {
    const files = await two()
    const match = subject.api ?? subject.target
    await fault(match, files.a, {
      kind: 'respond',
      status: 200,
      body: '{"upload_url":"javascript:alert(1)","asset":[]}',
    })
    const result = await run(subject, files)
    expect(result.a).toMatchObject({ status: 'failed', error: { code: unreadable } })
    expect(sent(result.requests, match, files.a)).toBe(1)
    bUntouched(result, files.b)
  })

  it('a very large answer: read no further than needed, failed as unreadable', async () => {
    const files = await two()
    const match = subject.api ?? subject.target
    await fault(match, files.a, { kind: 'large', status: 200, bytes: 8 * MiB })
    const result = await run(subject, files)
    expect(result.a).toMatchObject({ status: 'failed', error: { code: unreadable } })
    expect(result.a.status === 'failed' && result.a.error.message.length).toBeLessThan(400)
    expect(sent(result.requests, match, files.a)).toBe(1)
    bUntouched(result, files.b)
  })
})

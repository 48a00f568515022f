/**
 * The fault matrix: every strategy against its reference backend's fault controls. Each case
 * uploads two files, puts the fault on the first one's requests only (matched by an `x-file`
 * header), and checks each file's final state, the exact number of requests each file's
 * faulty endpoint received, and that the second file went through untouched.
 */
import { describe, expect, it } from 'vitest'
import type { FileInfo } from '../../src/core/asset'
import { createUploader, type Uploader } from '../../src/core/createUploader'
import { requestJson } from '../../src/core/requestJson'
import type { UploadItem } from '../../src/core/state'
import type { UploadStrategy } from '../../src/core/strategy'
import { imageOnly } from '../../src/strategies/imageOnly'
import { multipartForm } from '../../src/strategies/multipartForm'
import { presignedPut } from '../../src/strategies/presignedPut'
import { rawBody } from '../../src/strategies/rawBody'
import { registerByReference } from '../../src/strategies/registerByReference'
import { image } from '../presets/fixtures'
import { demoCredentials as c } from '../server/demo'
import type { FaultAction, FaultMatch } from '../server/faults'
import {
  addFault,
  appPresign,
  bytesWithHeader,
  pdfFile,
  referenceUrl,
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
}

const MiB = 1024 * 1024
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
        timeout: 1500,
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
]

const tokens: Record<string, string> = {
  'multipartForm (document 001)': c.partnerToken,
  'rawBody (document 002)': c.indreamApiKey,
  'imageOnly (document 004)': c.backofficeApiKey,
  'presignedPut (document 000)': c.dinteroToken,
  'registerByReference (document 003)': c.projectApiKey,
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
  options: { auth?: AppAuth; during?: (uploader: Uploader) => Promise<void> } = {},
) {
  const auth = options.auth ?? new AppAuth(tokens[subject.name] ?? '')
  const events: string[] = []
  const uploader = createUploader({
    strategy: subject.strategy(auth),
    retry: { delay: 50, stallTimeout: 1000 },
    onAssetUploaded: ({ file }) => events.push(`uploaded ${file.name}`),
    onUploadError: ({ file }) => events.push(`failed ${file.name}`),
  })
  const spy = spyOnNetwork()
  try {
    const { added, rejected } = await uploader.addFiles([files.a, files.b])
    expect(rejected).toEqual([])
    const uploading = uploader.upload()
    await options.during?.(uploader)
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
    }
  } finally {
    spy.stop()
  }
}

const s3Expired = {
  kind: 'respond',
  status: 403,
  contentType: 'application/xml',
  body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
} as const

describe.each(subjects)('$name under faults', (subject) => {
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
    await fault(subject.target, files.a, {
      kind: 'respond',
      status: 429,
      body: '{"message":"slow down"}',
      headers: { 'retry-after': '1' },
    })
    const waits: number[] = []
    const result = await run(subject, files, {
      during: async (uploader) => {
        uploader.subscribe(() => {
          const item = uploader.getSnapshot().items.find((entry) => entry.name === files.a.name)
          if (item?.status === 'retrying' && item.retryAt !== undefined && waits.length === 0) {
            waits.push(item.retryAt - Date.now())
            expect(item.error).toMatchObject({ code: 'rate-limited', retryAfter: 1000 })
          }
        })
      },
    })
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThan(900)
    expect(waits[0]).toBeLessThanOrEqual(1000)
    expect(result.a.status).toBe('succeeded')
    expect(sent(result.requests, subject.target, files.a)).toBe(2)
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
    } else {
      expect(result.a).toMatchObject({
        status: 'failed',
        error: { code: 'network', unconfirmed: true },
      })
      expect(sent(result.requests, subject.target, files.a)).toBe(1)
    }
    bUntouched(result, files.b)
  })

  it('a stall: aborted after the stall timeout, then retried or failed with `timeout`', async () => {
    const files = await two(subject.replaySafe ? 'small' : 'large')
    await fault(subject.target, files.a, { kind: 'stall' })
    const result = await run(subject, files)
    if (subject.name.startsWith('registerByReference')) {
      // The register call had its whole (JSON) body sent: not repeated.
      expect(result.a).toMatchObject({
        status: 'failed',
        error: { code: 'timeout', unconfirmed: true },
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
        await expect
          .poll(() => uploader.getSnapshot().items.find((i) => i.name === files.a.name)?.status)
          .toBe('uploading')
        await new Promise((resolve) => setTimeout(resolve, 200))
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
    await new Promise((resolve) => setTimeout(resolve, 1200))
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

  it('a malformed 200: failed with `bad-response`, never retried', async () => {
    const files = await two()
    const match = subject.api ?? subject.target
    await fault(match, files.a, {
      kind: 'respond',
      status: 200,
      body: '{"upload_url":"javascript:alert(1)","asset":[]}',
    })
    const result = await run(subject, files)
    expect(result.a).toMatchObject({ status: 'failed', error: { code: 'bad-response' } })
    expect(sent(result.requests, match, files.a)).toBe(1)
    bUntouched(result, files.b)
  })

  it('a very large answer: read no further than needed, failed with `bad-response`', async () => {
    const files = await two()
    const match = subject.api ?? subject.target
    await fault(match, files.a, { kind: 'large', status: 200, bytes: 8 * MiB })
    const result = await run(subject, files)
    expect(result.a).toMatchObject({ status: 'failed', error: { code: 'bad-response' } })
    expect(result.a.status === 'failed' && result.a.error.message.length).toBeLessThan(400)
    expect(sent(result.requests, match, files.a)).toBe(1)
    bUntouched(result, files.b)
  })
})

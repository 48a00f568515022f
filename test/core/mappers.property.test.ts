import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AssetRecord } from '../../src/core/asset'
import { AssetDropError, isAssetDropError } from '../../src/core/errors'
import { errorFromResponse, parseJson, type ServerResponse } from '../../src/core/http'
import { commonAssetRecord } from '../../src/strategies/kit/commonRecord'
import { companyAssetRecord } from '../../src/strategies/multipartForm'
import { presignedAssetRecord } from '../../src/strategies/presignedPut'
import { referencedAssetRecord } from '../../src/strategies/registerByReference'

/** Every property runs this many cases per shape, from a fixed seed, so a failure reproduces. */
const runs = { numRuns: 10_000, seed: 20_261_123 }

const file = { id: 'f1', name: 'photo.png', type: 'image/png', size: 1234 }

/** Strings a hostile or broken server might put where a URL goes. */
const urlish = fc.oneof(
  fc.constantFrom(
    'javascript:alert(1)',
    ' JavaScript:alert(document.cookie)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative/path.png',
    'https://cdn.example.com/a.png',
    'http://127.0.0.1/b',
    '',
  ),
  fc.webUrl(),
  fc.string(),
  fc
    .tuple(
      fc.constantFrom('javascript', 'data', 'vbscript', 'blob', 'ftp', 'JAVASCRIPT'),
      fc.string(),
    )
    .map(([scheme, rest]) => `${scheme}:${rest}`),
)

/** Any JSON value, and objects shaped like the answers the mappers read, with any values in them. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  urlish,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
)
const fields = [
  'id',
  'key',
  'name',
  'url',
  'publicURL',
  'origURL',
  'platformFileUrl',
  'thumbURL',
  'mediumURL',
  'largeURL',
  'largeX2URL',
  'secured',
  'created',
  'assetId',
  'fileUrl',
  'fileKey',
  'filename',
  'mimetype',
  'size',
  'width',
  'height',
  'duration',
  'public_url',
  'upload_url',
  'original_filename',
  'created_date',
  'access',
  'location',
]
const shapedObject = fc.dictionary(fc.constantFrom(...fields), fc.oneof(urlish, anyValue), {
  maxKeys: 12,
})
const shapes = {
  'any JSON': fc.jsonValue(),
  'answer-shaped objects': shapedObject,
  'wrapped in data or asset': fc.record(
    { data: shapedObject, asset: shapedObject },
    { requiredKeys: [] },
  ),
}

function answerOf(body: unknown, status = 200, contentType = 'application/json'): ServerResponse {
  const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '')
  return { status, text, contentType, json: parseJson(text), url: 'https://api.example.com/upload' }
}

const mappers: Record<string, (response: ServerResponse) => AssetRecord> = {
  companyAssetRecord: (response) => companyAssetRecord(response, file),
  commonAssetRecord: (response) => commonAssetRecord('raw-body')(response, file),
  referencedAssetRecord: (response) =>
    referencedAssetRecord(response, file, { kind: 'storage-key', key: 'k', filename: 'photo.png' }),
  presignedAssetRecord: (response) =>
    presignedAssetRecord({
      file,
      issued: { uploadUrl: 'https://s3.example.com/k?X-Amz-Signature=s', response: response.json },
      upload: response,
    }),
}

function everyUrl(record: AssetRecord): string[] {
  return [record.url, ...Object.values(record.previews)].filter(
    (url): url is string => url !== undefined,
  )
}

function expectOnlyHttpUrls(record: AssetRecord) {
  for (const url of everyUrl(record)) expect(new URL(url).protocol).toMatch(/^https?:$/)
}

describe.each(Object.entries(mappers))('%s', (_, map) => {
  it.each(Object.entries(shapes))(
    'returns a record with only http(s) URLs, or throws the typed error, for %s',
    (_shape, arbitrary) => {
      fc.assert(
        fc.property(arbitrary, (body) => {
          let record: AssetRecord
          try {
            record = map(answerOf(body))
          } catch (error) {
            expect(isAssetDropError(error)).toBe(true)
            // `answer-unrecognized`: a success that names no asset (never sent again).
            expect(['bad-response', 'answer-unrecognized']).toContain(
              (error as AssetDropError).code,
            )
            return
          }
          expectOnlyHttpUrls(record)
          expect(typeof record.id).toBe('string')
        }),
        runs,
      )
    },
    // 10,000 cases take a second or two alone, longer while the browser projects run.
    30_000,
  )
})

describe('errorFromResponse', () => {
  it('always gives the typed error, with a short, clean server message, for any answer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 599 }),
        fc.oneof(
          fc.jsonValue(),
          fc.string({ maxLength: 3000 }),
          fc.constantFrom('<html><body>Bad Gateway</body></html>', ''),
        ),
        fc.constantFrom('application/json', 'text/html', 'application/xml', 'text/plain', ''),
        (status, body, contentType) => {
          const error = errorFromResponse(answerOf(body, status, contentType))
          expect(error).toBeInstanceOf(AssetDropError)
          expect(error.status).toBe(status)
          const message = error.serverMessage ?? ''
          expect(message.length).toBeLessThanOrEqual(300)
          // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be there
          expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
          // Markup is stripped; a lone `<` is text (the widgets render messages as text).
          expect(message).not.toMatch(/<[a-z/!][^>]*>/i)
        },
      ),
      runs,
    )
  }, 30_000)
})

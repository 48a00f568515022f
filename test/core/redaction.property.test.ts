import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { errorFromResponse, type ServerResponse } from '../../src/core/http'
import { secretsOf } from '../../src/core/secrets'
import { headerSafe } from '../../src/strategies/rawBody'
import { encodings } from '../security/encodings'

/** `text` in base64, from its UTF-8 bytes, as a browser sends Basic credentials. */
const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)))

/** Every run of six characters of `secret`. */
const runsOf = (secret: string) => {
  const characters = [...secret]
  return Array.from({ length: Math.max(0, characters.length - 5) }, (_, i) =>
    characters.slice(i, i + 6).join(''),
  )
}

/** Where in an answer the echo lands: the whole answer's text, given the echoed value. */
const shapes: Record<string, (echo: string, filler: string) => Omit<ServerResponse, 'status'>> = {
  'JSON message': (echo, filler) => json(`{"message":"${filler} ${echo} ${filler}"}`),
  'JSON code': (echo) => json(`{"code":"${echo}","message":"no"}`),
  'JSON errors[]': (echo, filler) => json(`{"errors":[{"message":"${filler}${echo}"}]}`),
  'S3 XML': (echo, filler) => ({
    contentType: 'application/xml',
    text: `<?xml version="1.0"?><Error><Code>${echo}</Code><Message>${filler} ${echo}</Message><StringToSign>${echo}</StringToSign></Error>`,
    json: undefined,
    url: '',
  }),
  'plain text, long': (echo, filler) => ({
    contentType: 'text/plain',
    // The echo straddles the 300-character cut of a server message.
    text: `${'x'.repeat(290)} ${echo} ${filler}`,
    json: undefined,
    url: '',
  }),
}

function json(text: string): Omit<ServerResponse, 'status'> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {}
  return { contentType: 'application/json', text, json: parsed, url: '' }
}

// Credentials as they come: tokens, keys, some with spaces, slashes or non-ASCII characters.
const credential = fc
  .stringMatching(/^[A-Za-z0-9_\-+/= .:éü€]{12,48}$/)
  .filter((value) => value.trim() === value && /[A-Za-z0-9]{4}/.test(value))
// Filler from an alphabet a credential never uses, so a six-character run can only be an echo.
const filler = fc.stringMatching(/^[#!~*]{0,20}$/)

describe('redaction: no credential a request carried survives in any echo', () => {
  it('blanks every 6-character run out of message, serverMessage, serverCode and cause', () => {
    fc.assert(
      fc.property(
        credential,
        fc.constantFrom(...Object.keys(encodings)),
        fc.constantFrom(...Object.keys(shapes)),
        fc.constantFrom('header', 'bearer', 'basic', 'query', 'url password'),
        fc.constantFrom(400, 401, 403, 429, 500),
        filler,
        (secret, encoding, shape, carriedIn, status, pad) => {
          const secrets =
            carriedIn === 'header'
              ? secretsOf({ 'x-api-key': secret })
              : carriedIn === 'bearer'
                ? secretsOf({ authorization: `Bearer ${secret}` })
                : carriedIn === 'basic'
                  ? // Sent in base64, echoed as the server decoded it.
                    secretsOf({ authorization: `Basic ${base64(`alice:${secret}`)}` })
                  : carriedIn === 'query'
                    ? secretsOf({}, `https://api.test/upload?key=${encodeURIComponent(secret)}`)
                    : secretsOf({}, `https://alice:${encodeURIComponent(secret)}@api.test/upload`)
          const echo = encodings[encoding]?.(secret) ?? secret
          const answer = { status, ...shapes[shape]?.(echo, pad) } as ServerResponse
          const error = errorFromResponse(answer, secrets)
          const seen = [
            error.message,
            error.serverMessage ?? '',
            error.serverCode ?? '',
            String(error.cause ?? ''),
          ].join('\n')
          for (const run of runsOf(secret)) expect(seen).not.toContain(run)
        },
      ),
      { seed: 1401, numRuns: 600 },
    )
  })

  it('blanks a short credential (3 to 11 characters) whose header or query name says it is one', () => {
    const short = fc.stringMatching(/^[A-Za-z0-9_\-]{3,11}$/)
    fc.assert(
      fc.property(
        short,
        fc.constantFrom(...Object.keys(encodings)),
        fc.constantFrom(...Object.keys(shapes)),
        fc.constantFrom(
          (secret: string) => secretsOf({ 'X-Api-Key': secret }),
          (secret: string) => secretsOf({ Authorization: `Bearer ${secret}` }),
          (secret: string) => secretsOf({ 'x-auth-token': secret }),
          (secret: string) => secretsOf({}, `https://api.test/upload?access_token=${secret}`),
          (secret: string) => secretsOf({}, `https://api.test/upload?apiKey=${secret}&page=2`),
          (secret: string) => secretsOf({ Authorization: `Basic ${base64(`bob:${secret}`)}` }),
          (secret: string) => secretsOf({}, `https://bob:${secret}@api.test/upload`),
        ),
        filler,
        (secret, encoding, shape, carry, pad) => {
          const echo = encodings[encoding]?.(secret) ?? secret
          const answer = { status: 400, ...shapes[shape]?.(echo, pad) } as ServerResponse
          const error = errorFromResponse(answer, carry(secret))
          const seen = [error.message, error.serverMessage ?? '', error.serverCode ?? ''].join('\n')
          expect(seen).not.toContain(secret)
        },
      ),
      { seed: 1402, numRuns: 400 },
    )
  })

  it('leaves short values that are not credentials readable (a page number, a mode)', () => {
    const secrets = secretsOf(
      { 'x-upload-mode': 'fast', authorization: 'Bearer abc123' },
      'https://api.test/upload?page=2&lang=de',
    )
    const message = 'Upload mode fast is closed for page 2 (de); token abc123 refused'
    const error = errorFromResponse(
      { status: 400, contentType: 'application/json', text: '', json: { message }, url: '' },
      secrets,
    )
    expect(error.serverMessage).toBe(
      'Upload mode fast is closed for page 2 (de); token [redacted] refused',
    )
  })

  it("blanks S3's X-Amz-Credential and X-Amz-Signature echoed from a signed URL", () => {
    const url =
      'https://bucket.s3.test/key.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=0123456789abcdef0123456789abcdef'
    const text = `<Error><Code>SignatureDoesNotMatch</Code><Message>Signature 0123456789abcdef0123456789abcdef did not match</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><CanonicalRequest>X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261201%2Fus-east-1</CanonicalRequest></Error>`
    const error = errorFromResponse(
      { status: 403, contentType: 'application/xml', text, json: undefined, url: '' },
      secretsOf({}, url),
    )
    expect(error.code).toBe('signature-mismatch')
    expect(error.serverMessage).toBe('Signature [redacted] did not match')
    expect(JSON.stringify(error)).not.toContain('AKIAIOSFODNN7')
  })
})

describe('server messages never carry URLs', () => {
  it.each([
    ['Upload to https://api.test/v1/uploads?key=abc failed', 'Upload to [url] failed'],
    ['See //cdn.test/x for details', 'See [url] for details'],
    ['No route for POST /v1/uploads/abc', 'No route for POST [url]'],
    ['Cannot PUT /api/v2/projects/p1/assets', 'Cannot PUT [url]'],
    ['Size must be 1/2 of the limit', 'Size must be 1/2 of the limit'],
  ])('%j becomes %j', (message, expected) => {
    const error = errorFromResponse({
      status: 404,
      contentType: 'application/json',
      text: JSON.stringify({ message }),
      json: { message },
      url: '',
    })
    expect(error.serverMessage).toBe(expected)
  })
})

describe('headerSafe: file names as raw body headers', () => {
  it('encodes names with emoji and other characters outside the BMP without throwing', () => {
    expect(headerSafe('😀 photo.png')).toBe('%F0%9F%98%80 photo.png')
    expect(decodeURIComponent(headerSafe('𝒳-ü.pdf'))).toBe('𝒳-ü.pdf')
  })
})

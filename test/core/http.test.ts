import { describe, expect, it } from 'vitest'
import {
  codeForStatus,
  errorFromResponse,
  parseJson,
  parseRetryAfter,
  type ServerResponse,
} from '../../src/core/http'
import { formatError } from '../../src/core/messages'

function answer(status: number, text: string, contentType = 'application/json'): ServerResponse {
  return { status, text, contentType, json: parseJson(text), url: 'http://127.0.0.1/upload' }
}

describe('codeForStatus', () => {
  it.each([
    [0, 'network'],
    [400, 'rejected'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [408, 'timeout'],
    [409, 'rejected'],
    [422, 'rejected'],
    [429, 'rate-limited'],
    [500, 'server-error'],
    [503, 'server-error'],
  ] as const)('maps HTTP %i to %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code)
  })

  it('has no code for a success', () => {
    expect(codeForStatus(201)).toBeUndefined()
  })
})

describe('errorFromResponse', () => {
  it('types an answer nested too deep to walk, with a credential to blank, as the server error it is', () => {
    // Under the 1 MiB parse limit; walking it recursively overflowed the stack (a RangeError,
    // which the uploader took for a network failure and retried).
    const depth = 200_000
    const text = `${'['.repeat(depth)}"abc Bearer-secret-123"${']'.repeat(depth)}`
    const error = errorFromResponse(answer(500, text), ['Bearer-secret-123'])
    expect(error).toMatchObject({ code: 'server-error', status: 500 })
    expect(error.message).not.toContain('Bearer-secret-123')
  })

  it('takes the message of a Spring-style error body', () => {
    const error = errorFromResponse(
      answer(
        422,
        JSON.stringify({ status: 422, error: 'Unprocessable Entity', message: 'File is empty' }),
      ),
    )
    expect(error).toMatchObject({ code: 'rejected', status: 422, serverMessage: 'File is empty' })
    expect(formatError(error)).toBe('The server refused the file: File is empty')
    expect(error.message).toBe('rejected (HTTP 422): File is empty')
  })

  it.each([
    [{ errors: { title: ["can't be blank"] } }, "title can't be blank"],
    [{ errors: { title: ['Title is required', 'Title is too short'] } }, 'Title is required'],
    [{ errors: { base: 'Storage is full' } }, 'Storage is full'],
  ])('takes the first message of errors by field (Rails): %j', (body, message) => {
    expect(errorFromResponse(answer(422, JSON.stringify(body))).serverMessage).toBe(message)
  })

  it('takes the detail of a problem object', () => {
    const body = {
      type: 'FORBIDDEN',
      title: 'Forbidden',
      status: 403,
      detail: 'The current account is not eligible for this Open API route',
      errorCode: 'OPEN_API_RUNTIME_ACCESS_FORBIDDEN',
    }
    expect(errorFromResponse(answer(403, JSON.stringify(body)))).toMatchObject({
      code: 'forbidden',
      serverMessage: 'The current account is not eligible for this Open API route',
    })
  })

  it('takes the text of an {error} body', () => {
    expect(errorFromResponse(answer(404, '{"error":"project not found"}'))).toMatchObject({
      code: 'not-found',
      serverMessage: 'project not found',
    })
  })

  it('reads an expired presigned URL from S3’s AccessDenied message', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>'
    expect(errorFromResponse(answer(403, xml, 'application/xml'))).toMatchObject({
      code: 'url-expired',
      serverCode: 'AccessDenied',
      serverMessage: 'Request has expired',
    })
  })

  it.each([
    [
      403,
      '<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error>',
      'signature-mismatch',
    ],
    [
      400,
      '<Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message></Error>',
      'url-expired',
    ],
    [403, '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>', 'forbidden'],
    [
      503,
      '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
      'server-error',
    ],
  ] as const)(
    'maps an object store’s %i answer by its <Code>, not its status',
    (status, xml, code) => {
      const error = errorFromResponse(answer(status, xml, 'application/xml'))
      expect(error.code).toBe(code)
      expect(error.serverCode).toBe(/<Code>(\w+)</.exec(xml)?.[1])
    },
  )

  it('keeps the server’s own code from problem objects and {error: {code}} bodies', () => {
    expect(
      errorFromResponse(
        answer(403, '{"status":403,"detail":"no","errorCode":"OPEN_API_RUNTIME_ACCESS_FORBIDDEN"}'),
      ).serverCode,
    ).toBe('OPEN_API_RUNTIME_ACCESS_FORBIDDEN')
    expect(
      errorFromResponse(answer(400, '{"error":{"code":"validation_error","message":"bad"}}')),
    ).toMatchObject({
      serverCode: 'validation_error',
      serverMessage: 'bad',
    })
  })

  it('keeps no message from an HTML error page', () => {
    const error = errorFromResponse(
      answer(502, '<html><body><h1>Bad Gateway</h1></body></html>', 'text/html'),
    )
    expect(error).toMatchObject({ code: 'server-error', serverMessage: undefined })
    expect(formatError(error)).toBe('The server failed to store the file')
  })

  it('keeps no message from an empty body', () => {
    expect(errorFromResponse(answer(500, '', ''))).toMatchObject({
      code: 'server-error',
      serverMessage: undefined,
    })
  })

  it('cuts long messages and strips control and bidi characters', () => {
    const long = `evil\u202Etxt.exe\u0007 ${'x'.repeat(1000)}`
    const error = errorFromResponse(answer(400, JSON.stringify({ message: long })))
    expect(error.serverMessage).toHaveLength(300)
    expect(error.serverMessage).not.toContain('\u202E')
    expect(error.serverMessage).not.toContain('\u0007')
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('Wed, 02 Dec 2026 12:00:00 GMT')

  it('reads seconds, or an HTTP date from now', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
    expect(parseRetryAfter('Wed, 02 Dec 2026 12:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Wednesday, 02-Dec-26 12:01:00 GMT', now)).toBe(60_000)
    expect(parseRetryAfter('Wed, 02 Dec 2026 11:00:00 GMT', now)).toBe(0)
  })

  it.each(['1.5', '-5', 'soon', '2026-12-31', '12/31', 'Infinity', ''])(
    'ignores %j, which is neither (the backoff applies instead of a retry at once)',
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined()
    },
  )
})

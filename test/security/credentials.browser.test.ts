import { afterEach, describe, expect, it } from 'vitest'
import type { UploadStrategy } from '../../src/core/strategy'
import { backofficeImages } from '../../src/presets/backofficeImages'
import { dinteroAssets } from '../../src/presets/dinteroAssets'
import { indreamUploads } from '../../src/presets/indreamUploads'
import { partnerAssets } from '../../src/presets/partnerAssets'
import { projectAssets } from '../../src/presets/projectAssets'
import { image } from '../presets/fixtures'
import { demoCredentials as c } from '../server/demo'
import { addFault, appPresign, referenceUrl, uploadAll } from '../support'
import { spyOnNetwork } from '../validation/networkSpy'

afterEach(() => fetch(`${referenceUrl}/__reference/faults`, { method: 'DELETE' }))

/** Collects everything written to the console while `run` runs. */
async function consoleOutput(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = []
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
  const originals = methods.map((method) => console[method])
  for (const method of methods) {
    console[method] = (...args: unknown[]) => {
      lines.push(
        args
          .map((arg) =>
            arg instanceof Error ? `${arg.message} ${String(arg.cause)}` : String(arg),
          )
          .join(' '),
      )
    }
  }
  try {
    await run()
  } finally {
    methods.forEach((method, index) => {
      console[method] = originals[index] as (typeof console)[typeof method]
    })
  }
  return lines.join('\n')
}

interface Case {
  readonly strategy: () => UploadStrategy
  readonly secret: string
  /** Where the secret may go: its own API's requests. */
  readonly ownPath: string
  /** A server error that repeats the secret back, as a careless server might. */
  readonly echo: {
    readonly path: string
    readonly status: number
    readonly body: (secret: string) => string
  }
}

const cases: Record<string, Case> = {
  'dinteroAssets (bearer token, presign call)': {
    strategy: () =>
      dinteroAssets({
        accountId: c.dinteroAccountId,
        token: c.dinteroToken,
        apiBase: referenceUrl,
      }),
    secret: c.dinteroToken,
    ownPath: '/management/assets',
    echo: {
      path: '/management/assets',
      status: 401,
      body: (s) =>
        JSON.stringify({ error: { code: 'unauthorized', message: `token ${s} is not valid` } }),
    },
  },
  'partnerAssets (bearer token, multipart form)': {
    strategy: () => partnerAssets({ token: c.partnerToken, apiBase: referenceUrl }),
    secret: c.partnerToken,
    ownPath: '/api/v1/partner/asset/upload',
    echo: {
      path: '/upload/public',
      status: 400,
      body: (s) => JSON.stringify({ message: `Authorization: Bearer ${s} rejected` }),
    },
  },
  'indreamUploads (API key header, raw body)': {
    strategy: () => indreamUploads({ apiKey: c.indreamApiKey, apiBase: referenceUrl }),
    secret: c.indreamApiKey,
    ownPath: '/v1/uploads',
    echo: {
      path: '/v1/uploads',
      status: 403,
      body: (s) => JSON.stringify({ status: 403, detail: `key ${s} not eligible`, errorCode: 'X' }),
    },
  },
  'projectAssets (API key, register call)': {
    strategy: () =>
      projectAssets({
        projectId: c.projectId,
        apiKey: c.projectApiKey,
        apiBase: referenceUrl,
        presign: appPresign,
      }),
    secret: c.projectApiKey,
    ownPath: `/api/v2/projects/${c.projectId}/assets`,
    echo: {
      path: '/api/v2/projects/',
      status: 422,
      body: (s) => JSON.stringify({ error: `X-API-KEY ${s} lacks a title` }),
    },
  },
  'backofficeImages (API key in the query)': {
    strategy: () =>
      backofficeImages({ apiKey: c.backofficeApiKey, apiBase: referenceUrl, keyIn: 'query' }),
    secret: c.backofficeApiKey,
    ownPath: '/upload/image',
    echo: {
      path: '/upload/image',
      status: 401,
      body: (s) => JSON.stringify({ message: `x-api-key=${s} unknown` }),
    },
  },
}

describe('credentials never leak', () => {
  it.each(Object.entries(cases))(
    '%s: not in errors or console output, and only sent to its own API',
    async (_, scenario) => {
      await addFault({
        match: { path: scenario.echo.path },
        action: {
          kind: 'respond',
          status: scenario.echo.status,
          body: scenario.echo.body(scenario.secret),
        },
      })
      const spy = spyOnNetwork()
      let failedMessages = ''
      const output = await consoleOutput(async () => {
        try {
          const { failed } = await uploadAll(scenario.strategy(), [await image('png')])
          expect(failed).toHaveLength(1)
          failedMessages = failed
            .map(
              ({ error }) =>
                `${error.message} | ${error.serverMessage} | ${JSON.stringify(error.params)}`,
            )
            .join('\n')
        } finally {
          spy.stop()
        }
      })

      expect(failedMessages).toContain('[redacted]')
      expect(failedMessages).not.toContain(scenario.secret)
      expect(output).not.toContain(scenario.secret)
      for (const request of spy.requests) {
        const carries =
          request.url.includes(scenario.secret) ||
          Object.values(request.headers).some((value) => value.includes(scenario.secret))
        if (carries) expect(new URL(request.url).pathname).toContain(scenario.ownPath)
      }
    },
  )
})

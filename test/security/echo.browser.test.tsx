import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { UploadStrategy } from '../../src/core/strategy'
import { backofficeImages } from '../../src/presets/backofficeImages'
import { partnerAssets } from '../../src/presets/partnerAssets'
import { AssetDropzone } from '../../src/react/AssetDropzone'
import { image } from '../presets/fixtures'
import { demoCredentials as c } from '../server/demo'
import { addFault, referenceUrl } from '../support'
import { encodings } from './encodings'

afterEach(async () => {
  cleanup()
  await fetch(`${referenceUrl}/__reference/faults`, { method: 'DELETE' })
})

/** Every run of six characters of `secret`. */
const runsOf = (secret: string) =>
  Array.from({ length: secret.length - 5 }, (_, i) => secret.slice(i, i + 6))

const strategies: Record<string, { make: () => UploadStrategy; secret: string; path: string }> = {
  'partnerAssets (bearer token in a header)': {
    make: () => partnerAssets({ token: c.partnerToken, apiBase: referenceUrl }),
    secret: c.partnerToken,
    path: '/api/v1/partner/asset/upload/',
  },
  'backofficeImages (API key in the query)': {
    make: () =>
      backofficeImages({ apiKey: c.backofficeApiKey, apiBase: referenceUrl, keyIn: 'query' }),
    secret: c.backofficeApiKey,
    path: '/upload/image',
  },
}

const cases = Object.entries(strategies).flatMap(([name, strategy]) =>
  Object.entries(encodings).map(
    ([encoding, encode]) => [name, encoding, strategy, encode] as const,
  ),
)

describe('a credential a server echoes, in any encoding, never reaches the page or the console', () => {
  it.each(cases)('%s, echoed %s', async (_, __, strategy, encode) => {
    const echo = encode(strategy.secret)
    await addFault({
      match: { path: strategy.path },
      action: {
        kind: 'respond',
        status: 400,
        headers: { 'x-echo': encodeURIComponent(echo) },
        body: JSON.stringify({ code: echo, message: `Request with ${echo} refused`, detail: echo }),
      },
    })
    const logged: string[] = []
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
    const originals = methods.map((method) => console[method])
    for (const method of methods) {
      console[method] = (...args: unknown[]) => {
        logged.push(
          args
            .map((arg) =>
              arg instanceof Error ? `${arg.message} ${String(arg.cause)}` : String(arg),
            )
            .join(' '),
        )
      }
    }
    try {
      const { container } = render(<AssetDropzone strategy={strategy.make()} autoUpload />)
      const file = await image('png')
      const dataTransfer = new DataTransfer()
      dataTransfer.items.add(file)
      const area = screen.getByText(/drop files here/i).closest('div') as HTMLElement
      for (const type of ['dragenter', 'dragover', 'drop']) {
        area.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }))
      }
      const list = () => screen.getByRole('list', { name: 'Files' })
      await waitFor(() =>
        expect(within(list()).getByText(file.name).closest('li')?.textContent).toContain('Failed'),
      )
      await waitFor(() => expect(screen.getByRole('status').textContent).toContain('failed'))
      const page = `${container.innerHTML}\n${document.title}`
      expect(page).toContain('[redacted]')
      for (const run of runsOf(strategy.secret)) {
        expect(page).not.toContain(run)
        expect(logged.join('\n')).not.toContain(run)
      }
    } finally {
      methods.forEach((method, index) => {
        console[method] = originals[index] as (typeof console)[typeof method]
      })
    }
  })
})

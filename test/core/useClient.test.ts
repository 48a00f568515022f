import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// `npm test` builds `dist` before the tests run.
const start = (entry: string) =>
  readFileSync(new URL(`../../dist/${entry}`, import.meta.url), 'utf8').slice(0, 40)

describe('dist entries for React Server Components', () => {
  it.each(['index.js', 'dashboard.js'])(
    "%s begins with 'use client', so Next.js App Router can import it",
    (entry) => {
      expect(start(entry)).toMatch(/^["']use client["'];/)
    },
  )

  it('leaves the React-free presets entry usable on a server', () => {
    expect(start('presets.js')).not.toMatch(/use client/)
  })
})

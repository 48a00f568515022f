import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as de from '../../src/dashboard/locales/de'
import * as es from '../../src/dashboard/locales/es'
import * as fr from '../../src/dashboard/locales/fr'

const require = createRequire(import.meta.url)
const libOf = (name: string) => join(dirname(require.resolve(`${name}/package.json`)), 'lib')

function sources(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(folder, file), 'utf8'))
}

// Every key the installed Dashboard (its status bar and file cards included) and Uppy's core
// translate with a literal key; the core's remote-provider views are not used by assetdrop.
const shown = new Set(
  [
    ...sources(libOf('@uppy/dashboard')),
    readFileSync(join(libOf('@uppy/core'), 'Uppy.js'), 'utf8'),
    readFileSync(join(libOf('@uppy/core'), 'Restricter.js'), 'utf8'),
  ].flatMap((source) =>
    [...source.matchAll(/\bi18n(?:Array)?\(\s*['"]([A-Za-z]+)['"]/g)].map(
      (match) => match[1] ?? '',
    ),
  ),
)

describe.each(Object.entries({ de, fr, es }))('the %s Dashboard entry', (_, { uppyLocale }) => {
  it('translates every string the Dashboard and Uppy’s core can show', () => {
    expect(shown.size).toBeGreaterThan(50)
    const missing = [...shown].filter((key) => !(key in uppyLocale.strings))
    expect(missing).toEqual([])
  })
})

/**
 * The browser suites in Firefox (Debian's `firefox-esr`): `npm run test:firefox`, and after
 * Chromium in `npm test` (scripts/engines.mjs).
 */
import { existsSync } from 'node:fs'
import { engineConfig } from './test/engines/config.ts'
import { firefox } from './test/engines/firefoxProvider.ts'

const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'
if (!existsSync(executablePath)) {
  throw new Error(
    `Firefox is not at ${executablePath}: install it (apt-get install firefox-esr) or set FIREFOX_PATH.`,
  )
}

export default engineConfig('firefox', firefox({ executablePath }))

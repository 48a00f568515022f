/**
 * The browser suites in Firefox (Debian's `firefox-esr`): `npm run test:firefox`. One Vitest
 * process per engine; the provider is set at `browser.provider`, the top level.
 */
import { existsSync } from 'node:fs'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { firefox } from './test/engines/firefoxProvider.ts'
import { referenceBackends } from './test/server/vitePlugin.ts'

const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'
if (!existsSync(executablePath)) {
  throw new Error(
    `Firefox is not at ${executablePath}: install it (apt-get install firefox-esr) or set FIREFOX_PATH.`,
  )
}

export default defineConfig({
  plugins: [react(), referenceBackends()],
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      '@testing-library/react',
      '@testing-library/user-event',
      '@uppy/core',
      '@uppy/dashboard',
      '@uppy/xhr-upload',
    ],
  },
  test: {
    name: 'firefox',
    include: ['test/**/*.browser.test.{ts,tsx}'],
    provide: { reactMajor: '19' },
    globalSetup: ['test/globalSetup.ts'],
    setupFiles: ['test/engines/setup.ts'],
    browser: {
      enabled: true,
      provider: firefox({ executablePath }),
      instances: [{ browser: 'firefox' }],
      screenshotFailures: false,
    },
  },
})

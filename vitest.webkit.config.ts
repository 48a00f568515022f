/**
 * The browser suites in WebKit (Debian's WebKitGTK MiniBrowser and WebKitWebDriver, under
 * xvfb-run): `npm run test:webkit`. One Vitest process per engine.
 */
import { existsSync } from 'node:fs'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { webkit } from './test/engines/webkitProvider.ts'
import { referenceBackends } from './test/server/vitePlugin.ts'

const browser =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
const driver = process.env.WEBKITWEBDRIVER_PATH ?? '/usr/bin/WebKitWebDriver'
for (const [path, hint] of [
  [browser, 'apt-get install webkit2gtk-driver, or set MINIBROWSER_PATH'],
  [driver, 'apt-get install webkit2gtk-driver, or set WEBKITWEBDRIVER_PATH'],
  ['/usr/bin/xvfb-run', 'apt-get install xvfb'],
]) {
  if (!existsSync(path as string)) throw new Error(`WebKit needs ${path}: ${hint}.`)
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
    name: 'webkit',
    include: ['test/**/*.browser.test.{ts,tsx}'],
    provide: { reactMajor: '19' },
    globalSetup: ['test/globalSetup.ts'],
    setupFiles: ['test/engines/setup.ts'],
    browser: {
      enabled: true,
      provider: webkit({ browser, driver }),
      instances: [{ browser: 'webkit' }],
      screenshotFailures: false,
    },
  },
})

import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumLaunchOptions } from './scripts/chromium.mjs'

/** Real Chromium, with the reference backends started around the run. */
const inChromium = {
  globalSetup: ['test/globalSetup.ts'],
  browser: {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider: playwright({ launchOptions: chromiumLaunchOptions }),
    instances: [{ browser: 'chromium' as const }],
  },
}

/** React 18, installed in test/react18 by `npm install` (the `prepare` script). */
const react18 = (name: string) =>
  fileURLToPath(new URL(`./test/react18/node_modules/${name}`, import.meta.url))

export default defineConfig({
  plugins: [react()],
  // Discovered one by one, these get bundled twice and two Reacts break hooks; list them up front.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      '@testing-library/react',
      '@uppy/core',
      '@uppy/dashboard',
      '@uppy/xhr-upload',
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.browser.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'chromium',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          provide: { reactMajor: '19' },
          ...inChromium,
        },
      },
      {
        // The component tests again, against React 18 (the peer range starts there).
        extends: true,
        resolve: {
          alias: [
            { find: /^react$/, replacement: react18('react') },
            { find: /^react\/(.*)$/, replacement: `${react18('react')}/$1` },
            { find: /^react-dom$/, replacement: react18('react-dom') },
            { find: /^react-dom\/(.*)$/, replacement: `${react18('react-dom')}/$1` },
          ],
        },
        test: {
          name: 'chromium-react18',
          provide: { reactMajor: '18' },
          include: ['test/react/**/*.browser.test.tsx', 'test/dashboard/**/*.browser.test.tsx'],
          ...inChromium,
        },
      },
    ],
  },
})

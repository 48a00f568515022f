import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumLaunchOptions } from './scripts/chromium.mjs'
import { testTimeout, waitLimit } from './test/limits.ts'
import { referenceBackends } from './test/server/vitePlugin.ts'

/** A project in real Chromium, with the reference backends started around the run. */
const inChromium = (name: string, reactMajor: string) => ({
  // The project takes its name from its one browser instance.
  provide: { reactMajor },
  // One file at a time, on any machine: a project's files share one reference server, whose
  // faults a test sets (some for a whole path) and clears for the whole server. On two cores
  // Vitest runs one file at a time anyway; with more, files would meet each other's faults.
  fileParallelism: false,
  globalSetup: ['test/globalSetup.ts'],
  setupFiles: ['test/browserSetup.ts'],
  testTimeout,
  expect: { poll: { timeout: waitLimit } },
  browser: {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider: playwright({ launchOptions: chromiumLaunchOptions }),
    instances: [{ browser: 'chromium' as const, name }],
  },
})

/** React 18, installed in test/react18 before `npm test` runs (scripts/react18.mjs). */
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
        // The reference backends also answer on the test page's own origin, as in Storybook,
        // so stories with relative URLs run their play functions here.
        plugins: [referenceBackends()],
        test: { include: ['test/**/*.browser.test.{ts,tsx}'], ...inChromium('chromium', '19') },
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
          include: ['test/react/**/*.browser.test.tsx', 'test/dashboard/**/*.browser.test.tsx'],
          ...inChromium('chromium-react18', '18'),
        },
      },
    ],
  },
})

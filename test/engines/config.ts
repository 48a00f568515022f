/**
 * The Vitest config of one engine beside Chromium (Firefox, WebKit): the same browser suites,
 * the reference backends around the run, one engine per Vitest process.
 */
import react from '@vitejs/plugin-react'
import { configDefaults, defineConfig } from 'vitest/config'
import type { BrowserProviderOption } from 'vitest/node'
import { testTimeout, waitLimit } from '../limits.ts'
import { referenceBackends } from '../server/vitePlugin.ts'

export function engineConfig(name: 'firefox' | 'webkit', provider: BrowserProviderOption) {
  return defineConfig({
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
      name,
      include: ['test/**/*.browser.test.{ts,tsx}'],
      // Files read from disk: these providers give the page in-memory copies instead.
      exclude: [...configDefaults.exclude, 'test/**/*.chromium.browser.test.{ts,tsx}'],
      provide: { reactMajor: '19' },
      globalSetup: ['test/globalSetup.ts'],
      setupFiles: ['test/engines/setup.ts', 'test/browserSetup.ts'],
      testTimeout,
      expect: { poll: { timeout: waitLimit } },
      browser: {
        enabled: true,
        // At the top level: set per instance, Vitest skips pre-bundling user-event.
        provider,
        instances: [{ browser: name }],
        screenshotFailures: false,
      },
    },
  })
}

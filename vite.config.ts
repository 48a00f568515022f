import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import pkg from './package.json' with { type: 'json' }

const require = createRequire(import.meta.url)
const dependencies = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]

/** `dist/dashboard.css` (Uppy's core and Dashboard styles in one file) and `dist/styles.css` (ours). */
function dashboardCss(): Plugin {
  return {
    name: 'assetdrop:dashboard-css',
    apply: 'build',
    generateBundle() {
      // Uppy's styles, then assetdrop's (the lists and messages beside the Dashboard).
      const source = [
        ...['@uppy/core/css/style.min.css', '@uppy/dashboard/css/style.min.css'].map((path) =>
          readFileSync(require.resolve(path), 'utf8'),
        ),
        readFileSync('src/styles.css', 'utf8'),
      ].join('\n')
      this.emitFile({ type: 'asset', fileName: 'dashboard.css', source })
      this.emitFile({
        type: 'asset',
        fileName: 'styles.css',
        source: readFileSync('src/styles.css', 'utf8'),
      })
    },
  }
}

export default defineConfig({
  plugins: [react(), dashboardCss()],
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        dashboard: 'src/dashboard.ts',
        presets: 'src/presets.ts',
        // One entry per language, so a page loads only its own.
        'locales/de': 'src/locales/de.ts',
        'locales/fr': 'src/locales/fr.ts',
        'locales/es': 'src/locales/es.ts',
        // The Dashboard's, each with Uppy's own pack for the language.
        'dashboard/locales/de': 'src/dashboard/locales/de.ts',
        'dashboard/locales/fr': 'src/dashboard/locales/fr.ts',
        'dashboard/locales/es': 'src/dashboard/locales/es.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: (id) => dependencies.some((name) => id === name || id.startsWith(`${name}/`)),
      output: {
        // The entries with React components are client modules for React Server Components
        // (Next.js App Router); the presets entry has no React and stays usable on a server.
        banner: (chunk) =>
          chunk.isEntry && (chunk.name === 'index' || chunk.name === 'dashboard')
            ? "'use client';"
            : '',
      },
    },
  },
})

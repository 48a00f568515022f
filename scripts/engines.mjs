// Runs the browser suites in the other engines after Chromium's (`npm test` runs this last), one
// Vitest process per engine, each under a time limit (a page that fails to load hangs rather than
// fails): Firefox (Debian's firefox-esr) and WebKit (WebKitGTK's MiniBrowser under xvfb-run). An
// engine missing on a developer machine is skipped with a plain line saying how to install it;
// CI (`ASSETDROP_ALL_ENGINES=1`, set by .ci/run) requires them. Each engine's time is printed.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const required = process.env.ASSETDROP_ALL_ENGINES === '1'
const engines = [
  {
    name: 'Firefox',
    config: 'vitest.firefox.config.ts',
    needs: [[process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', 'firefox-esr']],
  },
  {
    name: 'WebKit',
    config: 'vitest.webkit.config.ts',
    needs: [
      [
        process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        'webkit2gtk-driver',
      ],
      [process.env.WEBKITWEBDRIVER_PATH ?? '/usr/bin/WebKitWebDriver', 'webkit2gtk-driver'],
      ['/usr/bin/xvfb-run', 'xvfb'],
    ],
  },
]

let failed = false
for (const engine of engines) {
  const missing = engine.needs.filter(([path]) => !existsSync(path))
  if (missing.length > 0) {
    const packages = [...new Set(missing.map(([, name]) => name))].join(' ')
    console.log(`\n${engine.name}: not installed, skipped (apt-get install ${packages})`)
    if (required) failed = true
    continue
  }
  console.log(`\n${engine.name}: the browser suites`)
  const started = Date.now()
  const run = spawnSync(join(root, 'node_modules/.bin/vitest'), ['run', '-c', engine.config], {
    cwd: root,
    stdio: 'inherit',
    timeout: 15 * 60 * 1000,
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
  })
  const seconds = Math.round((Date.now() - started) / 1000)
  if (run.status !== 0) {
    console.error(
      `${engine.name}: failed${run.signal ? ` (${run.signal}, after ${seconds} s)` : ''}`,
    )
    failed = true
  } else {
    console.log(`${engine.name}: passed in ${seconds} s`)
  }
}
process.exit(failed ? 1 : 0)

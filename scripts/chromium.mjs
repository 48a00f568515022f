/**
 * How every tool here launches Chromium: the system's (`CHROMIUM_PATH`, or Debian's
 * `/usr/bin/chromium`) when there is one, else the one packaged in `@sparticuz/chromium` (a
 * devDependency: `npm install` brings it, so `npm test` needs no browser on the machine).
 * Playwright's own browser download is not reachable, and without these flags Chromium keeps
 * trying to reach the network.
 */
import { existsSync } from 'node:fs'

const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const system =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync)

/** The packaged Chromium, unpacked to the temporary folder on first use (about 2 s). */
async function packaged() {
  const { default: chromium } = await import('@sparticuz/chromium')
  return chromium.executablePath()
}

export const chromiumLaunchOptions = {
  executablePath: system ?? (await packaged()),
  args: system ? args : [...args, '--no-zygote'],
}

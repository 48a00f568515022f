/**
 * The browser suites in WebKit (Debian's WebKitGTK MiniBrowser and WebKitWebDriver, under
 * xvfb-run): `npm run test:webkit`. One Vitest process per engine.
 */
import { existsSync } from 'node:fs'
import { engineConfig } from './test/engines/config.ts'
import { webkit } from './test/engines/webkitProvider.ts'

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

export default engineConfig('webkit', webkit({ browser, driver }))

// Installs React 18 into test/react18 for the chromium-react18 test project, once (npm test runs
// this first). Not an install script: a consumer installing assetdrop runs nothing.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const folder = resolve(import.meta.dirname, '../test/react18')
if (!existsSync(join(folder, 'node_modules/react-dom/package.json'))) {
  console.log('Installing React 18 for the chromium-react18 tests (test/react18)')
  execFileSync('npm', ['ci', '--prefix', folder, '--no-audit', '--no-fund'], { stdio: 'inherit' })
}

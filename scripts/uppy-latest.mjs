// Runs the browser suite against the newest Uppy 6.x: assetdrop pins the minor versions it was
// tested with (its XHR glue relies on behaviour Uppy's types don't promise), and this says whether
// the next minors can be let in. Works in a scratch copy; the checkout is left as it is.
import { execFileSync } from 'node:child_process'
import { cpSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const scratch = join(tmpdir(), 'assetdrop-uppy-latest')
rmSync(scratch, { recursive: true, force: true })
cpSync(root, scratch, {
  recursive: true,
  filter: (path) => !/[/\\](node_modules|dist|storybook-static|\.git)([/\\]|$)/.test(path),
})
const run = (command, args) => execFileSync(command, args, { cwd: scratch, stdio: 'inherit' })
const packages = ['@uppy/core', '@uppy/dashboard', '@uppy/xhr-upload', '@uppy/aws-s3']
run('npm', ['install', '--no-audit', '--no-fund'])
run('npm', ['install', '--no-audit', '--no-fund', ...packages.map((name) => `${name}@6`)])
run('npm', ['ls', ...packages])
run('node', ['scripts/react18.mjs'])
run('npx', ['vitest', 'run', '--project', 'chromium', '--project', 'chromium-react18'])
console.log('The browser suite passes with the newest Uppy 6.x.')

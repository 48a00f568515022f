// Checks the package as it would be published: packs it, lists what the tarball holds (and what
// it must not), runs publint (strict) and arethetypeswrong (ESM in node16 and bundler resolution;
// the CSS entries carry no types). Run by `npm test`, after the build.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const work = join(root, 'node_modules/.cache/package-check')
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
const bin = (name) => join(root, 'node_modules/.bin', name)
const run = (command, args) => execFileSync(command, args, { cwd: root, encoding: 'utf8' })

const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work]))
const tarball = join(work, packed.filename)
const files = packed.files.map((file) => file.path)

const problems = []
for (const required of [
  'package.json',
  'README.md',
  'LICENSE',
  'dist/index.js',
  'dist/index.d.ts',
]) {
  if (!files.includes(required)) problems.push(`the tarball lacks ${required}`)
}
for (const file of files) {
  if (!/^(package\.json|README\.md|LICENSE|dist\/)/.test(file))
    problems.push(`the tarball ships ${file}`)
  if (file.endsWith('.d.ts.map')) problems.push(`${file} points at sources that are not shipped`)
}
const manifest = JSON.parse(run('tar', ['-xOzf', tarball, 'package/package.json']))
for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
  if (manifest.scripts?.[script]) problems.push(`package.json has an install script: ${script}`)
}

try {
  console.log(run(bin('publint'), ['run', tarball, '--strict']).trim())
} catch (error) {
  problems.push(`publint: ${error.stdout || error.message}`)
}
try {
  console.log(
    run(bin('attw'), [
      tarball,
      '--profile',
      'esm-only',
      '--exclude-entrypoints',
      './styles.css',
      './dashboard.css',
      '--format',
      'table-flipped',
    ]).trim(),
  )
} catch (error) {
  problems.push(`arethetypeswrong: ${error.stdout || error.message}`)
}

if (problems.length > 0) {
  console.error(`\nThe package is not ready to publish:\n- ${problems.join('\n- ')}`)
  process.exit(1)
}
console.log(
  `\nThe package (${files.length} files, ${(packed.size / 1024).toFixed(0)} KB packed) checks out.`,
)

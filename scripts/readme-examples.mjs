// Type-checks every TypeScript example in the README against the source, as an app would write
// it (`import … from 'assetdrop'`), so the examples can't drift from the API. Run by `npm test`.
// Each ```ts or ```tsx block becomes one module; names an example uses without defining (a
// token getter, an input element) are declared in a shared prelude.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const work = join(root, 'node_modules/.cache/readme-examples')
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })

const readme = readFileSync(join(root, 'README.md'), 'utf8')
const blocks = [...readme.matchAll(/^```(tsx?)\n([\s\S]*?)^```$/gm)]
for (const [, language, code] of blocks) {
  const line = readme.slice(0, readme.indexOf(code)).split('\n').length
  writeFileSync(
    join(work, `readme-line-${line}.${language}`),
    `// README.md, line ${line}\n${code}\nexport {}\n`,
  )
}

writeFileSync(
  join(work, 'prelude.d.ts'),
  `// What the README's examples use without defining it.
declare function getToken(): Promise<string>
declare function getAccessToken(): Promise<string>
declare function token(): Promise<string>
declare function render(snapshot: import('assetdrop').UploaderSnapshot): void
declare const input: HTMLInputElement
declare const key: string
declare const error: import('assetdrop').AssetDropError
declare const strategy: import('assetdrop').UploadStrategy
`,
)
const fromWork = (path) => relative(work, join(root, path))
writeFileSync(
  join(work, 'tsconfig.json'),
  JSON.stringify(
    {
      extends: fromWork('tsconfig.json'),
      compilerOptions: {
        noEmit: true,
        types: ['vite/client'],
        paths: {
          assetdrop: [fromWork('src/index.ts')],
          'assetdrop/presets': [fromWork('src/presets.ts')],
          'assetdrop/dashboard': [fromWork('src/dashboard.ts')],
          'assetdrop/locales/*': [fromWork('src/locales/*.ts')],
          'assetdrop/*.css': [fromWork('src/styles.css')],
        },
      },
      include: ['*.ts', '*.tsx'],
    },
    null,
    2,
  ),
)

try {
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(work, 'tsconfig.json')], {
    stdio: 'inherit',
  })
} catch {
  console.error(`\nA README example does not compile (see above; the files are in ${work}).`)
  process.exit(1)
}
console.log(`${blocks.length} README examples compile.`)

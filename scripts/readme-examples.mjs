// Type-checks every TypeScript example in the README, and each recipe's block that imports
// assetdrop, against the package as published (`dist`, after `npm run build`), as an app would
// write it (`import … from 'assetdrop'`), under both `moduleResolution: bundler` and `node16`, so
// the examples can't drift from the API or the packaging. Run by `npm test`.
// Each ```ts or ```tsx block becomes one module; names an example uses without defining (a
// token getter, an input element) are declared in a shared prelude.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const work = join(root, 'node_modules/.cache/readme-examples')
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })

const sources = [
  ['README.md', () => true],
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => [`docs/${name}`, (code) => code.includes("from 'assetdrop")]),
]
const blocks = []
for (const [source, wanted] of sources) {
  const text = readFileSync(join(root, source), 'utf8')
  for (const [, language, code] of text.matchAll(/^```(tsx?)\n([\s\S]*?)^```$/gm)) {
    if (!wanted(code)) continue
    const line = text.slice(0, text.indexOf(code)).split('\n').length
    const name = `${source.replace(/\W+/g, '-')}-line-${line}.${language}`
    writeFileSync(join(work, name), `// ${source}, line ${line}\n${code}\nexport {}\n`)
    blocks.push(name)
  }
}
// node16 reads the examples as ES modules, as an app's own `"type": "module"` package would.
writeFileSync(join(work, 'package.json'), '{ "type": "module" }\n')

writeFileSync(
  join(work, 'prelude.d.ts'),
  `// What the README's examples use without defining it.
declare function getToken(): Promise<string>
declare function getAccessToken(): Promise<string>
declare function token(): Promise<string>
declare function getKey(): Promise<string>
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
          assetdrop: [fromWork('dist/index.d.ts')],
          'assetdrop/presets': [fromWork('dist/presets.d.ts')],
          'assetdrop/dashboard': [fromWork('dist/dashboard.d.ts')],
          'assetdrop/locales/*': [fromWork('dist/locales/*.d.ts')],
          'assetdrop/dashboard/locales/*': [fromWork('dist/dashboard/locales/*.d.ts')],
          'assetdrop/*.css': [fromWork('dist/styles.css')],
        },
      },
      include: ['*.ts', '*.tsx'],
    },
    null,
    2,
  ),
)

// The same examples under node16's stricter resolution (extensions, `exports` conditions).
const base = JSON.parse(readFileSync(join(work, 'tsconfig.json'), 'utf8'))
writeFileSync(
  join(work, 'tsconfig.node16.json'),
  JSON.stringify({
    ...base,
    compilerOptions: { ...base.compilerOptions, module: 'node16', moduleResolution: 'node16' },
  }),
)

for (const config of ['tsconfig.json', 'tsconfig.node16.json']) {
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(work, config)], {
      stdio: 'inherit',
    })
  } catch {
    console.error(
      `\nAn example does not compile with ${config} (see above; the files are in ${work}).`,
    )
    process.exit(1)
  }
}
console.log(
  `${blocks.length} examples (README and recipes) compile against dist, in bundler and node16 resolution.`,
)

// Gives every relative import in dist's declaration files the extension Node's ESM resolution
// needs (`./core/asset.js`, `./react/index.js`), so the types hold under `moduleResolution:
// node16`/`nodenext` as well as `bundler`. tsc keeps the specifiers as the source wrote them.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const dist = resolve(import.meta.dirname, '../dist')

function* declarations(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) yield* declarations(path)
    else if (name.endsWith('.d.ts')) yield path
  }
}

let fixed = 0
for (const file of declarations(dist)) {
  const text = readFileSync(file, 'utf8')
  const next = text.replace(
    /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*?)(['"])/g,
    (whole, before, specifier, after) => {
      if (/\.(js|css|json)$/.test(specifier)) return whole
      const base = join(dirname(file), specifier)
      if (existsSync(`${base}.d.ts`)) return `${before}${specifier}.js${after}`
      if (existsSync(join(base, 'index.d.ts'))) return `${before}${specifier}/index.js${after}`
      return whole
    },
  )
  if (next !== text) {
    writeFileSync(file, next)
    fixed += 1
  }
}
console.log(`dist: relative imports given extensions in ${fixed} declaration files`)

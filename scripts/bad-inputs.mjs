// Prints the table of every bad-input kind the validator is tested against (test/validation/badInputs.ts),
// with the constraints it is judged under and the code it must be refused with:
//   npm run bad-inputs            a Markdown table
//   npm run bad-inputs -- --count the number of kinds per group
// The Chromium suite test/validation/badInputs.browser.test.ts checks every row.
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const table = fileURLToPath(new URL('../test/validation/badInputs.ts', import.meta.url))
const { module } = await runnerImport(table, { configFile: false, logLevel: 'silent' })
const rows = module.badInputs

const visible = (name) =>
  [...name]
    .map((c) =>
      /[\p{Cc}\p{Cf}]/u.test(c)
        ? `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`
        : c,
    )
    .join('')
    .replace(/\|/g, '\\|')
const short = (name) => (name.length > 40 ? `${name.slice(0, 37)}…` : name)

if (process.argv.includes('--count')) {
  const groups = new Map()
  for (const row of rows) groups.set(row.group, (groups.get(row.group) ?? 0) + 1)
  for (const [group, count] of groups) console.log(`${String(count).padStart(4)}  ${group}`)
} else {
  console.log('| # | group | kind | constraints | name | type | code |')
  console.log('|---|---|---|---|---|---|---|')
  rows.forEach((row, i) => {
    const cells = [
      i + 1,
      row.group,
      visible(row.kind),
      row.profile,
      `\`${short(visible(row.name))}\``,
      row.type || '(none)',
      `\`${row.code}\``,
    ]
    console.log(`| ${cells.join(' | ')} |`)
  })
}
console.log(
  `\n${rows.length} kinds of bad input, ${new Set(rows.map((row) => row.code)).size} codes`,
)

import { describe, expect, it } from 'vitest'
import { validateFiles } from '../../src/core/validation/validator'
import { badInputs, profiles } from './badInputs'

const nothingHeld = { count: 0, bytes: 0, keys: new Set<string>() }

describe('every kind of bad input is refused with its code, in Chromium', () => {
  it('holds at least 150 kinds, each named once', () => {
    expect(badInputs.length).toBeGreaterThanOrEqual(150)
    const kinds = badInputs.map((row) => `${row.group}: ${row.kind}`)
    expect(new Set(kinds).size).toBe(kinds.length)
  })

  it.each(badInputs.map((row) => [`${row.group}: ${row.kind}`, row] as const))(
    '%s',
    async (_, row) => {
      const file = new File([row.bytes()], row.name, { type: row.type, lastModified: 1 })
      const { accepted, rejected } = await validateFiles([{ id: 'row', file }], nothingHeld, [
        profiles[row.profile],
      ])
      expect(accepted).toEqual([])
      expect(rejected[0]?.issues.map((issue) => issue.code)).toContain(row.code)
      expect(rejected[0]?.issues[0]?.message).toBeTruthy()
    },
  )
})

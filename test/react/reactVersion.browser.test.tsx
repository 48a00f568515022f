import { version } from 'react'
import { expect, inject, it } from 'vitest'

it('runs against the React this project is for', () => {
  const expected = inject('reactMajor')
  expect(`React ${version.split('.')[0]}`).toBe(`React ${expected}`)
})

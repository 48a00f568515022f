import { describe, expect, it } from 'vitest'
import { createEtaEstimator } from '../../src/core/eta'

describe('createEtaEstimator', () => {
  it('says nothing until it has seen the speed', () => {
    const eta = createEtaEstimator()
    expect(eta.update(0, 0, 1000)).toBeUndefined()
    expect(eta.update(100, 100, 1000)).toBeUndefined()
  })

  it('estimates the seconds left from the smoothed speed', () => {
    const eta = createEtaEstimator({ smoothing: 0.5 })
    eta.update(0, 0, 10_000)
    expect(eta.update(1000, 1000, 10_000)).toBe(9)
    // Twice as fast for a second: the smoothed speed is 1,500 bytes/s, not 2,000.
    expect(eta.update(2000, 3000, 10_000)).toBe(5)
  })

  it('starts again when progress goes back (a new upload run)', () => {
    const eta = createEtaEstimator()
    eta.update(0, 0, 1000)
    eta.update(1000, 500, 1000)
    expect(eta.update(1500, 0, 1000)).toBeUndefined()
  })
})

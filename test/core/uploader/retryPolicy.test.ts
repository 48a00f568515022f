import { describe, expect, it } from 'vitest'
import { AssetDropError } from '../../../src/core/errors'
import { retryDelay, retryPolicyOf } from '../../../src/core/uploader/retryPolicy'

const serverError = new AssetDropError('server-error', { status: 503 })

describe('retryDelay', () => {
  it('spreads the waits of files that failed together, between half and all of the backoff', () => {
    const draws = [0, 0.25, 0.5, 0.999]
    const waits = draws.map((draw) =>
      retryDelay(retryPolicyOf({ delay: 1000, random: () => draw }), 1, serverError),
    )
    expect(waits).toEqual([500, 625, 750, 1000])
    // Files failing together draw different numbers, so they do not return in lockstep.
    expect(new Set(waits).size).toBe(draws.length)
  })

  it('doubles the backoff with every retry, and caps it at maxDelay', () => {
    const policy = retryPolicyOf({ delay: 1000, maxDelay: 5000, random: () => 0 })
    expect([1, 2, 3, 4, 5].map((retry) => retryDelay(policy, retry, serverError))).toEqual([
      500, 1000, 2000, 2500, 2500,
    ])
  })

  it('waits at least what a Retry-After asked for, spread by up to half the backoff', () => {
    const limited = (retryAfter: number) =>
      new AssetDropError('rate-limited', { status: 429, retryAfter })
    const waits = [0, 0.5, 0.999].map((draw) =>
      retryDelay(retryPolicyOf({ delay: 1000, random: () => draw }), 1, limited(2000)),
    )
    // Files refused together by a busy server do not all come back at the same moment.
    expect(waits).toEqual([2000, 2250, 2500])
    const policy = retryPolicyOf({ delay: 1000, maxDelay: 30_000, random: () => 0 })
    expect(retryDelay(policy, 3, limited(0))).toBe(0)
    // The server's ask is cut to maxDelay before the spread.
    expect(retryDelay(policy, 1, limited(120_000))).toBe(30_000)
  })
})

describe('retryPolicyOf', () => {
  it('fills in the defaults, and `false` sends each file once', () => {
    expect(retryPolicyOf(undefined)).toMatchObject({
      retries: 3,
      delay: 1000,
      maxDelay: 30_000,
      stallTimeout: 30_000,
    })
    expect(retryPolicyOf(false).retries).toBe(0)
  })

  it('refuses numbers that are not a wait, naming the option', () => {
    expect(() => retryPolicyOf({ delay: -1 })).toThrow('retry.delay must be a number of at least 0')
    expect(() => retryPolicyOf({ retries: Number.NaN })).toThrow('retry.retries')
  })
})

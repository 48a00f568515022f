import { describe, expect, it } from 'vitest'
import { AssetDropError, type AssetDropErrorCode } from '../../../src/core/errors'
import { decideAfterFailure, type Spent } from '../../../src/core/uploader/decide'
import { retryPolicyOf } from '../../../src/core/uploader/retryPolicy'

const policy = retryPolicyOf({ retries: 2, delay: 1000, random: () => 0.5 })
const fresh: Spent = { retries: 0, renewed: false, reauthorized: false }
const online = { online: true, canRefresh: true }
const error = (
  code: AssetDropErrorCode,
  options: { status?: number; unconfirmed?: boolean } = {},
) => new AssetDropError(code, options)

describe('decideAfterFailure', () => {
  it('retries what may pass next time (no answer, a stall, 408, 429, 5xx) after the backoff', () => {
    for (const failure of [
      error('network'),
      error('timeout'),
      error('timeout', { status: 408 }),
      error('rate-limited', { status: 429 }),
      error('server-error', { status: 503 }),
    ]) {
      expect(decideAfterFailure(failure, fresh, policy, online)).toEqual({
        kind: 'retry',
        delay: 750,
      })
    }
  })

  it('fails once the retries are spent', () => {
    const spent = { ...fresh, retries: 2 }
    expect(decideAfterFailure(error('network'), spent, policy, online)).toEqual({ kind: 'fail' })
  })

  it('fails at once on answers that will not change: other 4xx, a bad answer, an abort', () => {
    for (const code of ['rejected', 'forbidden', 'not-found', 'bad-response', 'aborted'] as const) {
      expect(decideAfterFailure(error(code, { status: 400 }), fresh, policy, online)).toEqual({
        kind: 'fail',
      })
    }
  })

  it('never repeats a request that may have reached the server', () => {
    const lost = error('network', { unconfirmed: true })
    expect(decideAfterFailure(lost, fresh, policy, online)).toEqual({ kind: 'fail' })
  })

  it('renews an expired upload address once, then fails', () => {
    const expired = error('url-expired', { status: 403 })
    expect(decideAfterFailure(expired, fresh, policy, online)).toEqual({ kind: 'renew' })
    const renewed = { ...fresh, renewed: true }
    expect(decideAfterFailure(expired, renewed, policy, online)).toEqual({ kind: 'fail' })
  })

  it('refreshes refused credentials once, where the strategy can', () => {
    const refused = error('unauthorized', { status: 401 })
    expect(decideAfterFailure(refused, fresh, policy, online)).toEqual({ kind: 'reauthorize' })
    expect(decideAfterFailure(refused, { ...fresh, reauthorized: true }, policy, online)).toEqual({
      kind: 'fail',
    })
    expect(decideAfterFailure(refused, fresh, policy, { ...online, canRefresh: false })).toEqual({
      kind: 'fail',
    })
  })

  it('waits for the connection while offline, at no cost to the retries', () => {
    const spent = { ...fresh, retries: 2 }
    expect(
      decideAfterFailure(error('network'), spent, policy, { ...online, online: false }),
    ).toEqual({ kind: 'wait-online' })
  })
})

import type { AssetDropError } from '../errors'

/** When and how often failed uploads are sent again, and when a stalled one is given up. */
export interface RetryPolicy {
  /**
   * How many times a file is sent again after a failure worth retrying: no answer, a stall, 408,
   * 429 or 5xx. Other 4xx answers are final.
   * @default 3
   */
  readonly retries?: number
  /**
   * Milliseconds before the first retry; each next one waits twice as long. Each wait is drawn
   * between half and all of that, so files that failed together do not come back together.
   * @default 1000
   */
  readonly delay?: number
  /**
   * The longest backoff before a retry, in milliseconds; a longer `Retry-After` is cut to it
   * (each wait is then spread by up to half the backoff).
   * @default 30000
   */
  readonly maxDelay?: number
  /**
   * Milliseconds without upload progress after which an attempt is aborted as stalled, then
   * retried or failed with `timeout`; 0 never aborts.
   * @default 30000
   */
  readonly stallTimeout?: number
  /**
   * The random source of the waits' jitter, returning a number in [0, 1); tests pass a fixed one.
   * @default Math.random
   */
  readonly random?: () => number
}

/** The policy used where an uploader is given none. */
export const defaultRetryPolicy: Required<RetryPolicy> = {
  retries: 3,
  delay: 1000,
  maxDelay: 30_000,
  stallTimeout: 30_000,
  random: Math.random,
}

/** The complete policy for an uploader's `retry` option; `false` never sends a file twice. */
export function retryPolicyOf(option: RetryPolicy | false | undefined): Required<RetryPolicy> {
  if (option === false) return { ...defaultRetryPolicy, retries: 0 }
  const policy = { ...defaultRetryPolicy, ...option }
  for (const name of ['retries', 'delay', 'maxDelay', 'stallTimeout'] as const) {
    const value = policy[name]
    if (!Number.isFinite(value) || value < 0) {
      throw new TypeError(`retry.${name} must be a number of at least 0, not ${value}`)
    }
  }
  if (typeof policy.random !== 'function') throw new TypeError('retry.random must be a function')
  return policy
}

/**
 * Whether a failure is worth sending again: no answer, a stall, 408, 429 or 5xx. A request that
 * may have reached the server (its whole body was sent, and no answer came) is not, unless the
 * strategy marked it safe to repeat.
 */
export function isRetryable(error: AssetDropError): boolean {
  if (error.unconfirmed) return false
  return (
    error.code === 'network' ||
    error.code === 'timeout' ||
    error.code === 'rate-limited' ||
    error.code === 'server-error'
  )
}

/**
 * Milliseconds before retry number `retry` (from 1): the exponential backoff with "equal jitter"
 * (between half and all of `delay × 2^(retry−1)`, capped at `maxDelay`), or the server's
 * `Retry-After` (cut to `maxDelay`) plus up to half that backoff, so files that failed together
 * spread out against a recovering server either way.
 */
export function retryDelay(
  policy: Required<RetryPolicy>,
  retry: number,
  error: AssetDropError,
): number {
  const backoff = Math.min(policy.delay * 2 ** (retry - 1), policy.maxDelay)
  const spread = (policy.random() * backoff) / 2
  // Never sooner than the server asked; files it refused together still come back apart.
  if (error.retryAfter !== undefined) {
    return Math.min(error.retryAfter, policy.maxDelay) + Math.round(spread)
  }
  return Math.round(backoff / 2 + spread)
}

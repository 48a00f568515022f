import type { AssetDropError } from './errors'

/** When and how often failed uploads are sent again, and when a stalled one is given up. */
export interface RetryPolicy {
  /**
   * How many times a file is sent again after a failure worth retrying: no answer, a stall, 408,
   * 429 or 5xx. Other 4xx answers are final.
   * @default 3
   */
  readonly retries?: number
  /**
   * Milliseconds before the first retry; each next one waits twice as long.
   * @default 1000
   */
  readonly delay?: number
  /**
   * The longest wait before a retry, in milliseconds; a longer `Retry-After` is cut to it.
   * @default 30000
   */
  readonly maxDelay?: number
  /**
   * Milliseconds without upload progress after which an attempt is aborted as stalled, then
   * retried or failed with `timeout`; 0 never aborts.
   * @default 30000
   */
  readonly stallTimeout?: number
}

/** The policy used where an uploader is given none. */
export const defaultRetryPolicy: Required<RetryPolicy> = {
  retries: 3,
  delay: 1000,
  maxDelay: 30_000,
  stallTimeout: 30_000,
}

/** The policy that never sends a file twice (`retry: false`); stalls are still given up. */
const noRetries: Required<RetryPolicy> = { ...defaultRetryPolicy, retries: 0 }

/** The complete policy for an uploader's `retry` option. */
export function retryPolicyOf(option: RetryPolicy | false | undefined): Required<RetryPolicy> {
  if (option === false) return noRetries
  const policy = { ...defaultRetryPolicy, ...option }
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new TypeError(`retry.${name} must be a number of at least 0, not ${value}`)
    }
  }
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

/** Milliseconds before retry number `retry` (from 1): the server's `Retry-After`, or the backoff; capped. */
export function retryDelay(
  policy: Required<RetryPolicy>,
  retry: number,
  error: AssetDropError,
): number {
  const wait = error.retryAfter ?? policy.delay * 2 ** (retry - 1)
  return Math.min(wait, policy.maxDelay)
}

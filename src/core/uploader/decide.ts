import type { AssetDropError } from '../errors'
import { isRetryable, type RetryPolicy, retryDelay } from './retryPolicy'

/** What a file's attempts have used up so far. */
export interface Spent {
  /** Retries the policy has spent on it. */
  readonly retries: number
  /** Whether its expired upload address was renewed. */
  readonly renewed: boolean
  /** Whether it was sent again after a credentials refresh. */
  readonly reauthorized: boolean
}

/** Where the uploader stands when an attempt fails. */
export interface Situation {
  /** Whether the browser is online. */
  readonly online: boolean
  /** Whether the strategy can get new credentials after a 401. */
  readonly canRefresh: boolean
}

/** What to do after an attempt failed. */
export type Decision =
  /** Try again at once, asking for a fresh upload address. */
  | { readonly kind: 'renew' }
  /** Get new credentials (one refresh shared by every file refused meanwhile), then try again. */
  | { readonly kind: 'reauthorize' }
  /** Try again when the browser is back online, at no cost to the retries. */
  | { readonly kind: 'wait-online' }
  /** Try again after `delay` milliseconds, spending one retry. */
  | { readonly kind: 'retry'; readonly delay: number }
  /** Give up: the file fails with the error. */
  | { readonly kind: 'fail' }

/**
 * What to do after an attempt failed with `error`: an expired upload address is renewed once, a
 * refused credential refreshed once, a retryable failure waits for the connection or is retried
 * after the backoff (or the server's `Retry-After`) while retries last; anything else fails.
 */
export function decideAfterFailure(
  error: AssetDropError,
  spent: Spent,
  policy: Required<RetryPolicy>,
  situation: Situation,
): Decision {
  if (error.code === 'url-expired' && !spent.renewed) return { kind: 'renew' }
  if (error.status === 401 && situation.canRefresh && !spent.reauthorized) {
    return { kind: 'reauthorize' }
  }
  if (!isRetryable(error)) return { kind: 'fail' }
  if (!situation.online) return { kind: 'wait-online' }
  if (spent.retries >= policy.retries) return { kind: 'fail' }
  return { kind: 'retry', delay: retryDelay(policy, spent.retries + 1, error) }
}

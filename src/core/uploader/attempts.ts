import type { ServerResponse } from '../http'
import type { Clock } from './clock'
import type { Spent } from './decide'
import type { RetryPolicy } from './retryPolicy'

/**
 * Where an attempt stands: its strategy is preparing it; it waits for a free slot in the Uppy
 * plugin; its request is sending; or the bytes are stored and the strategy is finishing the
 * asset (such as registering the stored key). Waiting is the one phase that can't stall.
 */
export type Phase = 'preparing' | 'waiting' | 'sending' | 'finishing'

/** One attempt of one file. */
export interface Attempt {
  /** The file's id. */
  readonly id: string
  phase: Phase
  /** Aborts the attempt's own steps (`prepare`, `toAsset`) when it is cancelled or stalls. */
  readonly controller: AbortController
  /** When it last made progress of any kind (or started its phase), from the clock. */
  lastActivity: number
  stallTimer?: unknown
  /** Its `prepare` step, resolving to whether it succeeded. */
  prepared?: Promise<boolean>
}

/** What one file's attempts have used up, and what is left of its upload. */
export interface FileAttempts extends Spent {
  retries: number
  renewed: boolean
  reauthorized: boolean
  /** Whether the next attempt must ask for a fresh upload address. */
  renew: boolean
  /** The count of credential refreshes when its current attempt started. */
  credentials: number
  /** The storage's answer once the bytes are stored: only the last step is left to do. */
  stored?: ServerResponse | undefined
  /** The attempt under way, if any. */
  current?: Attempt | undefined
  retryTimer?: unknown
}

/** Each file's attempts, with their stall watches and retry timers, on one clock. */
export interface Attempts {
  /** The file's record, made on first use. */
  of(id: string): FileAttempts
  /** The attempt under way for a file, if any. */
  current(id: string): Attempt | undefined
  /** Starts an attempt (ending any before it) in `phase`. */
  begin(id: string, phase: Phase): Attempt
  /** Moves an attempt on to `phase`; a phase that can stall is watched from now on. */
  enter(attempt: Attempt, phase: Phase): void
  /** The attempt made progress: its stall watch starts over. */
  active(attempt: Attempt): void
  /** The attempt is over: its watch stops, and its own steps are aborted with `reason`. */
  end(id: string, reason?: unknown): void
  /** Calls `resume` after `delay` milliseconds, replacing any wait before. */
  later(id: string, delay: number, resume: () => void): void
  /** A fresh retry budget (after the end user asks for a retry); what is stored stays. */
  restart(id: string): void
  /** Drops everything of a file, its timers included. */
  forget(id: string): void
  /** Drops everything of every file. */
  clear(): void
}

/**
 * Creates the attempt records of one uploader. A stall watch costs one timer per attempt, not
 * one per progress event: progress only moves `lastActivity`, and the timer, when it fires,
 * waits again for whatever is left of `stallTimeout`.
 */
export function createAttempts(options: {
  readonly clock: Clock
  readonly policy: Required<RetryPolicy>
  /** The attempt made no progress for `stallTimeout` in a phase that can stall. */
  readonly onStall: (id: string, attempt: Attempt) => void
}): Attempts {
  const { clock, policy } = options
  const records = new Map<string, FileAttempts>()

  const of = (id: string): FileAttempts => {
    let record = records.get(id)
    if (!record) {
      record = { retries: 0, renewed: false, reauthorized: false, renew: false, credentials: 0 }
      records.set(id, record)
    }
    return record
  }

  const unwatch = (attempt: Attempt) => {
    clock.clearTimeout(attempt.stallTimer)
    attempt.stallTimer = undefined
  }

  const watch = (attempt: Attempt, wait = policy.stallTimeout) => {
    unwatch(attempt)
    if (policy.stallTimeout === 0 || attempt.phase === 'waiting') return
    attempt.stallTimer = clock.setTimeout(() => {
      attempt.stallTimer = undefined
      if (records.get(attempt.id)?.current !== attempt || attempt.phase === 'waiting') return
      const idle = clock.now() - attempt.lastActivity
      if (idle < policy.stallTimeout) watch(attempt, policy.stallTimeout - idle)
      else options.onStall(attempt.id, attempt)
    }, wait)
  }

  const enter = (attempt: Attempt, phase: Phase) => {
    attempt.phase = phase
    attempt.lastActivity = clock.now()
    watch(attempt)
  }

  const end = (id: string, reason?: unknown) => {
    const record = records.get(id)
    const attempt = record?.current
    if (!record || !attempt) return
    record.current = undefined
    unwatch(attempt)
    if (reason !== undefined) attempt.controller.abort(reason)
  }

  const stopWaiting = (record: FileAttempts) => {
    clock.clearTimeout(record.retryTimer)
    record.retryTimer = undefined
  }

  const forget = (id: string) => {
    const record = records.get(id)
    if (!record) return
    end(id)
    stopWaiting(record)
    records.delete(id)
  }

  return {
    of,
    current: (id) => records.get(id)?.current,
    begin(id, phase) {
      end(id)
      const record = of(id)
      stopWaiting(record)
      const attempt: Attempt = { id, phase, controller: new AbortController(), lastActivity: 0 }
      record.current = attempt
      enter(attempt, phase)
      return attempt
    },
    enter,
    active(attempt) {
      attempt.lastActivity = clock.now()
    },
    end,
    later(id, delay, resume) {
      const record = of(id)
      stopWaiting(record)
      record.retryTimer = clock.setTimeout(() => {
        record.retryTimer = undefined
        resume()
      }, delay)
    },
    restart(id) {
      const record = of(id)
      stopWaiting(record)
      record.retries = 0
      record.renewed = false
      record.reauthorized = false
    },
    forget,
    clear() {
      for (const id of [...records.keys()]) forget(id)
    },
  }
}

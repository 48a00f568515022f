/**
 * The time source of an uploader's waits: retry delays, and how long an upload has made no
 * progress. Tests pass one they control, so a busy machine cannot make an upload look stalled.
 */
export interface Clock {
  /** The current time in milliseconds since the epoch. */
  now(): number
  /** Calls `callback` once, `ms` milliseconds from now; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown
  /** Cancels a call `setTimeout` scheduled. */
  clearTimeout(handle: unknown): void
}

/** The browser's (or Node's) own clock and timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

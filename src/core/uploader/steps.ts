/**
 * Each file's attempts, step by step, and what follows a failure. An attempt has three steps:
 * the strategy prepares it, the Uppy plugin sends it (through the adapter), and the strategy
 * turns the answer into an asset record. After a failure, `decideAfterFailure` says what
 * happens next, and only the failed step runs again. Runs started by Uppy's own UI (its upload
 * and retry buttons) arrive here too, as `running`, and become the file's attempt. Over 300
 * lines because the steps and the recovery after each share the attempt records and call one
 * another; split apart, each half would need the other's internals.
 */
import type { AssetRecord, FileInfo } from '../asset'
import { AssetDropError, isAssetDropError, isOffline } from '../errors'
import type { ServerResponse } from '../http'
import { formatError } from '../messages'
import type { UploadStrategy } from '../strategy'
import type { UppyAdapter, UppyAdapterEvents, UppyFileInput } from '../uppy/adapter'
import { type Attempt, type Attempts, createAttempts } from './attempts'
import type { Clock } from './clock'
import { decideAfterFailure } from './decide'
import type { Queue } from './queue'
import type { RetryPolicy } from './retryPolicy'
import { fileOf, type UploaderAction, type UploaderStore } from './store'
import type { CreateUploaderOptions } from './types'

/** What the steps need from the uploader that runs them. */
export interface StepsContext {
  readonly store: UploaderStore
  readonly dispatch: (action: UploaderAction) => void
  readonly clock: Clock
  readonly policy: Required<RetryPolicy>
  readonly strategy: UploadStrategy
  readonly options: CreateUploaderOptions
  readonly queue: Queue
  /** The Uppy adapter (made after the steps, since its events are theirs). */
  readonly adapter: () => UppyAdapter
  /** What Uppy is handed for a file. */
  readonly uppyInput: (file: FileInfo) => UppyFileInput
  /** Settles once a file is known readable as it was checked; fails with `file-unreadable`. */
  readonly readable: (id: string) => Promise<void>
  /** A file's upload started (for `onComplete`). */
  readonly began: (id: string) => void
}

/** The uploader's side of every attempt. */
export interface Steps {
  readonly attempts: Attempts
  /** Starts an attempt for each file (already marked as uploading). */
  attempt(ids: readonly string[]): void
  /** Sends a file waiting to be retried again now, or keeps it waiting while offline. */
  resume(id: string): void
  /** Fails a file for good with `error`, telling the app. */
  fail(id: string, error: AssetDropError): void
  /** What the Uppy plugin reports about the attempts it runs. */
  readonly uppyEvents: Omit<UppyAdapterEvents, 'offered' | 'removed'>
}

type Refusal = { id: string; message: string }

export function createSteps(context: StepsContext): Steps {
  const { store, dispatch, clock, policy, strategy, options, queue, adapter } = context
  /** Counts credential refreshes; the one running, shared by every file refused meanwhile. */
  let credentials = 0
  let refreshing: Promise<void> | undefined
  /** Prepared files for the next `send`, gathered over one task. */
  let ready: UppyFileInput[] | undefined

  const infoOf = (id: string): FileInfo | undefined => {
    const item = store.get(id)
    return item && fileOf(item)
  }

  /** Whether a request whose whole body went may have stored the file, unconfirmed. */
  const mayBeStored = (id: string) => {
    const item = store.get(id)
    return (
      item?.status === 'uploading' &&
      item.bytesUploaded >= item.size &&
      !adapter().installed().replaySafe
    )
  }

  /** Whether `attempt` is still the file's attempt under way (not cancelled, stalled or ended). */
  const isCurrent = (attempt: Attempt) => attempts.current(attempt.id) === attempt

  /** Runs an attempt's `prepare`; `false` when it failed (the failure is handled). */
  const prepare = async (attempt: Attempt, file: FileInfo): Promise<boolean> => {
    const record = attempts.of(attempt.id)
    const renew = record.renew
    record.renew = false
    try {
      await Promise.all([
        adapter().installed().prepare?.(file, { signal: attempt.controller.signal, renew }),
        context.readable(attempt.id),
      ])
    } catch (cause) {
      if (isCurrent(attempt)) {
        failed(
          attempt.id,
          isAssetDropError(cause) ? cause : new AssetDropError('network', { cause }),
        )
      }
      return false
    }
    return isCurrent(attempt)
  }

  const attempt = (ids: readonly string[]) => {
    const fresh = ids.filter((id) => store.get(id)?.status !== 'uploading')
    if (fresh.length > 0) dispatch({ type: 'started', ids: fresh })
    for (const id of ids) {
      const file = infoOf(id)
      if (store.get(id)?.status !== 'uploading' || !file) continue
      context.began(id)
      const record = attempts.of(id)
      // Only the last step is left: the bytes are stored.
      if (record.stored) {
        finish(id, file)
        continue
      }
      record.credentials = credentials
      queue.occupy(id)
      const current = attempts.begin(id, 'preparing')
      // Offline, nothing is sent: the file waits for the connection.
      if (isOffline()) {
        failed(id, new AssetDropError('network'))
        continue
      }
      current.prepared = prepare(current, file)
      void current.prepared.then((prepared) => {
        if (!prepared) return
        attempts.enter(current, 'waiting')
        send(file)
      })
    }
  }

  /** Hands prepared files to Uppy, those of one task together (one Uppy run for many). */
  const send = (file: FileInfo) => {
    if (!ready) {
      const batch: UppyFileInput[] = []
      ready = batch
      queueMicrotask(() => {
        ready = undefined
        adapter().send(batch.filter(({ id }) => attempts.current(id)))
      })
    }
    ready.push(context.uppyInput(file))
  }

  /** The last step: the strategy's asset record for the stored bytes. */
  const finish = (id: string, file: FileInfo) => {
    const answer = attempts.of(id).stored
    if (!answer) return
    const current = attempts.begin(id, 'finishing')
    const installed = adapter().installed()
    void Promise.resolve()
      .then(() => installed.toAsset(answer, file, { signal: current.controller.signal }))
      .then(
        (asset) => {
          if (isCurrent(current)) succeed(id, asset)
        },
        (cause: unknown) => {
          if (!isCurrent(current)) return
          // A mapper that throws anything but a typed error could not use the answer.
          failed(
            id,
            isAssetDropError(cause)
              ? cause
              : new AssetDropError('bad-response', { status: answer.status, cause }),
          )
        },
      )
  }

  const succeed = (id: string, asset: AssetRecord) => {
    attempts.forget(id)
    adapter().release(id)
    dispatch({ type: 'succeeded', id, asset })
    const item = store.get(id)
    if (item?.status === 'succeeded') options.onAssetUploaded?.({ asset, file: fileOf(item) })
  }

  /** Fails a file for good and tells the app (Uppy's UI already shows the error's message). */
  const settle = (id: string, error: AssetDropError) => {
    attempts.end(id)
    dispatch({ type: 'failed', id, error })
    const item = store.get(id)
    if (item?.status === 'failed') options.onUploadError?.({ file: fileOf(item), error })
  }

  const fail = (id: string, error: AssetDropError) => {
    adapter().explain(id, formatError(error, options.messages))
    settle(id, error)
  }

  const resume = (id: string) => {
    const item = store.get(id)
    if (item?.status !== 'retrying') return
    if (isOffline()) {
      const { error, retries } = item
      dispatch({ type: 'retrying', id, error, retryAt: undefined, retries })
      return
    }
    attempt([id])
  }

  const retryLater = (id: string, error: AssetDropError, delay: number | undefined) => {
    const record = attempts.of(id)
    const retryAt = delay === undefined ? undefined : clock.now() + delay
    dispatch({ type: 'retrying', id, error, retryAt, retries: record.retries })
    if (delay !== undefined) attempts.later(id, delay, () => resume(id))
  }

  /** One refresh of the credentials for every file refused since the last one began. */
  const refreshCredentials = (since: number): Promise<void> => {
    if (since < credentials) return Promise.resolve()
    refreshing ??= Promise.resolve()
      .then(() => strategy.refreshCredentials?.())
      .finally(() => {
        credentials += 1
        refreshing = undefined
      })
    return refreshing
  }

  /** An attempt failed: renew, refresh, wait for the connection, retry later, or fail for good. */
  const failed = (id: string, failure: AssetDropError) => {
    const record = attempts.of(id)
    const item = store.get(id)
    attempts.end(id)
    // A file cancelled or removed meanwhile hears nothing more.
    if (item?.status !== 'uploading') return
    const error = failure.with({ fileId: id })
    adapter().explain(id, formatError(error, options.messages))
    const decision = decideAfterFailure(error, record, policy, {
      online: !isOffline(),
      canRefresh: strategy.refreshCredentials !== undefined,
    })
    if (queue.vacate(id)) adapter().leave(id, decision.kind === 'fail' ? 'park' : 'retry')
    switch (decision.kind) {
      case 'renew':
        record.renewed = true
        record.renew = true
        return retryLater(id, error, 0)
      case 'reauthorize':
        record.reauthorized = true
        // Sent again as soon as the new credentials are there.
        dispatch({ type: 'retrying', id, error, retryAt: clock.now(), retries: record.retries })
        refreshCredentials(record.credentials).then(
          () => resume(id),
          (cause: unknown) => {
            if (store.get(id)?.status === 'retrying') {
              fail(id, new AssetDropError('unauthorized', { fileId: id, status: 401, cause }))
            }
          },
        )
        return
      case 'wait-online':
        return retryLater(id, error, undefined)
      case 'retry':
        record.retries += 1
        return retryLater(id, error, decision.delay)
      case 'fail':
        return settle(id, error)
    }
  }

  /** A stretch without progress: the attempt is stopped and fails with `timeout`. */
  const stalled = (id: string, current: Attempt) => {
    const seconds = Math.round(policy.stallTimeout / 1000)
    // A request whose whole body went may have been stored; so may a request of the last step.
    const unconfirmed =
      current.phase === 'finishing' || (current.phase === 'sending' && mayBeStored(id))
    const error = new AssetDropError('timeout', { fileId: id, params: { seconds }, unconfirmed })
    current.controller.abort(error)
    if (current.phase === 'sending') adapter().stop(id)
    failed(id, error)
  }

  const attempts = createAttempts({ clock, policy, onStall: stalled })

  /** The typed error for what the Uppy plugin reported. */
  const reportedError = (id: string, reported: unknown): AssetDropError => {
    const file = infoOf(id)
    const known = file && adapter().installed().errorOf?.(reported, file)
    if (known) return known
    if (isAssetDropError(reported)) return reported
    if (reported instanceof Error && reported.name === 'AbortError') {
      return new AssetDropError('aborted', { cause: reported })
    }
    // No answer. A request whose whole body went may have been stored all the same.
    return new AssetDropError('network', { cause: reported, unconfirmed: mayBeStored(id) })
  }

  /** Why a file of a run Uppy started is not sent, as Uppy's UI shows it. */
  const refusal = (id: string): Refusal => {
    const item = store.get(id)
    const error = item && 'error' in item ? item.error : new AssetDropError('aborted')
    return { id, message: formatError(error, options.messages) }
  }

  /** A file of a run Uppy started: `undefined` if it goes, or why not. */
  const joinRun = async (id: string): Promise<Refusal | undefined> => {
    let current = attempts.current(id)
    if (current?.phase === 'waiting' || current?.phase === 'sending') return
    // The uploader's own attempt, still preparing: the run waits for it.
    if (current?.phase === 'preparing' && current.prepared) {
      return (await current.prepared) ? undefined : refusal(id)
    }
    const file = infoOf(id)
    const status = store.get(id)?.status
    if (!file || (status !== 'queued' && status !== 'failed' && status !== 'retrying')) {
      return { id, message: formatError(new AssetDropError('aborted'), options.messages) }
    }
    // Started by Uppy's own UI (its upload or retry button): this is the file's attempt.
    if (status === 'failed') dispatch({ type: 'requeued', id })
    attempts.restart(id)
    dispatch({ type: 'started', ids: [id] })
    context.began(id)
    queue.occupy(id)
    current = attempts.begin(id, 'preparing')
    if (!(await prepare(current, file))) return refusal(id)
    attempts.enter(current, 'waiting')
  }

  /** The attempt under way for a file, if the plugin has it (waiting for a slot, or sending). */
  const withPlugin = (id: string) => {
    const current = attempts.current(id)
    return current?.phase === 'waiting' || current?.phase === 'sending' ? current : undefined
  }

  return {
    attempts,
    attempt,
    resume,
    fail,
    uppyEvents: {
      async running(ids) {
        const refused = await Promise.all(ids.map(joinRun))
        return refused.filter((refusal) => refusal !== undefined)
      },
      requestStarted(id) {
        const current = withPlugin(id)
        if (current) attempts.enter(current, 'sending')
      },
      progressed(id, bytesUploaded) {
        const current = withPlugin(id)
        if (!current) return
        attempts.active(current)
        dispatch({ type: 'progressed', id, bytesUploaded })
      },
      stored(id, answer: ServerResponse) {
        const file = infoOf(id)
        if (!withPlugin(id) || !file) return
        attempts.of(id).stored = answer
        queue.vacate(id)
        adapter().leave(id, 'remove')
        finish(id, file)
      },
      failed(id, reported) {
        if (withPlugin(id)) failed(id, reportedError(id, reported))
      },
      paused(id, paused) {
        const current = attempts.current(id)
        if (current) attempts.enter(current, paused ? 'waiting' : 'sending')
      },
    },
  }
}

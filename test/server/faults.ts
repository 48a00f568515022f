import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'

/** Which requests a fault applies to; every given field must match. */
export interface FaultMatch {
  /** The HTTP method, such as `PUT`. */
  readonly method?: string
  /** A substring of the path (without the query). */
  readonly path?: string
  /** A substring of the query string, such as `partNumber=2`. */
  readonly query?: string
  /** A header that must contain a substring: `[name, substring]`. */
  readonly header?: readonly [string, string]
}

/** What a fault does to the requests it matches. */
export type FaultAction =
  | {
      readonly kind: 'respond'
      readonly status: number
      readonly body?: string
      readonly contentType?: string
      /** More headers, such as `Retry-After`. */
      readonly headers?: Readonly<Record<string, string>>
    }
  | { readonly kind: 'html'; readonly status: number }
  | { readonly kind: 'empty'; readonly status: number }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'drop-mid-body' }
  /** Reads the whole body, then cuts the connection without an answer. */
  | { readonly kind: 'drop-after-body' }
  /** Reads the first bytes of the body, then neither reads nor answers until the client gives up. */
  | { readonly kind: 'stall' }
  /** Answers `status` with a body of `bytes` bytes that is not JSON. */
  | { readonly kind: 'large'; readonly status: number; readonly bytes: number }
  | { readonly kind: 'expire-upload-urls'; readonly seconds: number }

/** A fault for the next `count` matching requests. */
export interface Fault {
  readonly match: FaultMatch
  readonly action: FaultAction
  /** How many matching requests it applies to. */
  readonly count: number
}

/** A fault a request met: what it did, and the request's matched header, if the fault named one. */
export interface TakenFault {
  readonly kind: FaultAction['kind']
  readonly header?: string | undefined
}

/** Faults waiting for matching requests, taken in the order they were added. */
export class FaultRegistry {
  #faults: { fault: Fault; left: number }[] = []
  /** The faults requests have met, in order, so a test can wait for one to be under way. */
  readonly taken: TakenFault[] = []

  add(fault: Fault): void {
    this.#faults.push({ fault, left: fault.count })
  }

  clear(): void {
    this.#faults = []
  }

  /** Takes the first fault matching `request` (and the kind filter), counting it as used. */
  take(request: IncomingMessage, kinds?: readonly FaultAction['kind'][]): FaultAction | undefined {
    const entry = this.#faults.find(
      ({ fault, left }) =>
        left > 0 && (!kinds || kinds.includes(fault.action.kind)) && matches(fault.match, request),
    )
    if (!entry) return undefined
    entry.left -= 1
    this.#faults = this.#faults.filter(({ left }) => left > 0)
    const header = entry.fault.match.header
    this.taken.push({
      kind: entry.fault.action.kind,
      header: header && String(request.headers[header[0].toLowerCase()] ?? ''),
    })
    return entry.fault.action
  }

  /**
   * Applies the transport faults (respond, html, empty, delay, drop) that match `request`.
   * Returns `true` when the request has been answered or dropped.
   */
  async apply(
    request: IncomingMessage,
    response: ServerResponse,
    /** Headers every faulty answer carries, such as CORS ones. */
    headers: Readonly<Record<string, string>> = {},
  ): Promise<boolean> {
    const action = this.take(request, [
      'respond',
      'html',
      'empty',
      'delay',
      'drop-mid-body',
      'drop-after-body',
      'stall',
      'large',
    ])
    if (!action) return false
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
    if (['respond', 'html', 'empty', 'large'].includes(action.kind)) {
      // Take the whole body first, as servers do: answering early on a connection that then
      // closes would reset it under a client still sending.
      for await (const _ of request) void _
    }
    switch (action.kind) {
      case 'delay':
        await sleep(action.ms)
        return false
      case 'respond':
        response.writeHead(action.status, {
          'content-type': action.contentType ?? 'application/json',
          ...action.headers,
        })
        response.end(action.body ?? '')
        return true
      case 'html':
        response.writeHead(action.status, { 'content-type': 'text/html; charset=utf-8' })
        response.end(
          `<!doctype html><html><head><title>${action.status} Error</title></head><body><h1>Something went wrong</h1><p>nginx</p></body></html>`,
        )
        return true
      case 'empty':
        response.writeHead(action.status, { 'content-length': '0' })
        response.end()
        return true
      case 'drop-mid-body':
        await dropMidBody(request)
        return true
      case 'drop-after-body':
        for await (const _ of request) {
        }
        request.socket.destroy()
        return true
      case 'stall':
        await stall(request)
        return true
      case 'large':
        response.writeHead(action.status, { 'content-type': 'application/json' })
        response.end(`{"id": "${'x'.repeat(Math.max(0, action.bytes - 10))}`)
        return true
      default:
        return false
    }
  }
}

/** Waits for the first bytes of the body (or a moment, without one), then cuts the connection. */
async function dropMidBody(request: IncomingMessage): Promise<void> {
  await Promise.race([new Promise((resolve) => request.once('data', resolve)), sleep(200)])
  request.socket.destroy()
}

/** Takes the first bytes of the body, then stops reading until the client closes the connection. */
async function stall(request: IncomingMessage): Promise<void> {
  await Promise.race([new Promise((resolve) => request.once('data', resolve)), sleep(200)])
  request.pause()
  await new Promise((resolve) => request.socket.once('close', resolve))
}

function matches(match: FaultMatch, request: IncomingMessage): boolean {
  const path = (request.url ?? '').split('?')[0] ?? ''
  if (match.method && match.method.toUpperCase() !== request.method) return false
  if (match.path && !path.includes(match.path)) return false
  if (match.query && !(request.url ?? '').split('?')[1]?.includes(match.query)) return false
  if (match.header) {
    const [name, substring] = match.header
    const value = request.headers[name.toLowerCase()]
    if (!String(value ?? '').includes(substring)) return false
  }
  return true
}

/** Reads a fault from a control request's JSON, refusing what is not one. */
export function parseFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) throw new TypeError('A fault is an object')
  const { match = {}, action, count = 1 } = value as Partial<Fault>
  if (!action || typeof action !== 'object' || typeof action.kind !== 'string') {
    throw new TypeError('A fault needs an action with a kind')
  }
  if (!Number.isInteger(count) || count < 1)
    throw new TypeError('A fault count is a positive integer')
  return { match, action, count }
}

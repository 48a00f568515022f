/** One request the page sent, with the names of the files and the bytes in its body. */
export interface SpiedRequest {
  readonly method: string
  readonly url: string
  /** The request headers the page set. */
  readonly headers: Readonly<Record<string, string>>
  readonly fileNames: readonly string[]
  /** The bytes of the file parts (or of a file sent as the whole body). */
  readonly fileBytes: number
  /** The bytes of the whole body. */
  readonly bodyBytes: number
  /** The text fields of a multipart form, by name. */
  readonly fields: Readonly<Record<string, string>>
  /** The request itself, when it was an XMLHttpRequest. */
  readonly xhr?: XMLHttpRequest
}

/** Records every XMLHttpRequest and fetch the page sends until `stop()`. */
export function spyOnNetwork() {
  const requests: SpiedRequest[] = []
  const { open, send, setRequestHeader } = XMLHttpRequest.prototype
  const headers = new WeakMap<XMLHttpRequest, Record<string, string>>()
  const originalFetch = window.fetch
  const targets = new WeakMap<XMLHttpRequest, { method: string; url: string }>()

  XMLHttpRequest.prototype.open = function (
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: unknown[]
  ) {
    targets.set(this, { method, url: String(url) })
    return (open as (...args: unknown[]) => void).call(this, method, url, ...rest)
  } as typeof XMLHttpRequest.prototype.open
  XMLHttpRequest.prototype.setRequestHeader = function (
    this: XMLHttpRequest,
    name: string,
    value: string,
  ) {
    headers.set(this, { ...headers.get(this), [name]: value })
    return setRequestHeader.call(this, name, value)
  }
  XMLHttpRequest.prototype.send = function (
    this: XMLHttpRequest,
    body?: Document | XMLHttpRequestBodyInit | null,
  ) {
    requests.push({
      ...(targets.get(this) ?? { method: '?', url: '?' }),
      headers: headers.get(this) ?? {},
      ...describe(body),
      xhr: this,
    })
    return send.call(this, body)
  }
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    // The test's own calls to the control API are not the widget's traffic.
    if (!url.includes('/__reference/')) {
      const sent = Object.fromEntries(new Headers(init?.headers).entries())
      requests.push({
        method: init?.method ?? 'GET',
        url,
        headers: sent,
        ...describe(init?.body ?? null),
      })
    }
    return originalFetch(input, init)
  }

  return {
    requests,
    stop() {
      XMLHttpRequest.prototype.open = open
      XMLHttpRequest.prototype.send = send
      XMLHttpRequest.prototype.setRequestHeader = setRequestHeader
      window.fetch = originalFetch
    },
  }
}

function describe(
  body: unknown,
): Pick<SpiedRequest, 'fileNames' | 'fileBytes' | 'bodyBytes' | 'fields'> {
  const none = { fileNames: [], fileBytes: 0, fields: {} }
  if (body instanceof FormData) {
    let fileBytes = 0
    let bodyBytes = 0
    const fileNames: string[] = []
    const fields: Record<string, string> = {}
    for (const [name, value] of body.entries()) {
      if (value instanceof File) {
        fileNames.push(value.name)
        fileBytes += value.size
        bodyBytes += value.size
      } else {
        fields[name] = value
        bodyBytes += value.length
      }
    }
    return { fileNames, fileBytes, bodyBytes, fields }
  }
  if (body instanceof File)
    return { ...none, fileNames: [body.name], fileBytes: body.size, bodyBytes: body.size }
  if (body instanceof Blob) return { ...none, fileBytes: body.size, bodyBytes: body.size }
  if (typeof body === 'string') return { ...none, bodyBytes: body.length }
  return { ...none, bodyBytes: 0 }
}

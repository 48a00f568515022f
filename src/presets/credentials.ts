/**
 * A credential given as it is, or by a (possibly async) function asked before every request.
 * After the server refuses it (401), the function is asked once with `refresh: true` for a new
 * one (for all the files refused together), and each refused file is sent once more.
 */
export type Credential =
  | string
  | ((context: { readonly refresh: boolean }) => string | Promise<string>)

/** The credential's current value. */
export async function credentialValue(credential: Credential): Promise<string> {
  return typeof credential === 'function' ? await credential({ refresh: false }) : credential
}

/** How a strategy renews `credential` after a 401: ask its function once with `refresh: true`. */
export function refreshOf(credential: Credential): { refreshCredentials?: () => Promise<void> } {
  if (typeof credential !== 'function') return {}
  return {
    refreshCredentials: async () => {
      await credential({ refresh: true })
    },
  }
}

/** `base` without a trailing slash, so paths can be appended. */
export function trimBase(base: string): string {
  return base.replace(/\/+$/, '')
}

/** A credential given as it is, or by a (possibly async) function asked before every request. */
export type Credential = string | (() => string | Promise<string>)

/** The credential's current value. */
export async function credentialValue(credential: Credential): Promise<string> {
  return typeof credential === 'function' ? await credential() : credential
}

/** `base` without a trailing slash, so paths can be appended. */
export function trimBase(base: string): string {
  return base.replace(/\/+$/, '')
}

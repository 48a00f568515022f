import type { Uploader } from '../src/core/uploader/createUploader'
import type { UploaderSnapshot } from '../src/core/uploader/store'

/** An uploader that only shows a fixed snapshot: its actions do nothing. */
export function frozenUploader(state: UploaderSnapshot): Uploader {
  const nothing = async () => ({ assets: [], failed: [] })
  return {
    get uppy(): never {
      throw new Error('The States story has no Uppy instance')
    },
    addFiles: async () => ({ added: [], rejected: [] }),
    upload: nothing,
    retry: nothing,
    cancel: () => {},
    remove: () => {},
    reset: () => {},
    setMeta: () => {},
    whenIdle: async () => {},
    hold: () => {},
    getFile: () => undefined,
    subscribe: () => () => {},
    getSnapshot: () => state,
    destroy: () => {},
  }
}

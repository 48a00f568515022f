import type { Uppy } from '@uppy/core'
import type { Body, Meta, UppyFile } from '@uppy/core/utils'
import type { ServerResponse } from '../http'

/** The metadata assetdrop keeps on each Uppy file: its name, its type and any form fields. */
export type AssetMeta = {
  /** The file name sent to the server. */
  name: string
  /** The MIME type sent to the server. */
  type: string
  [field: string]: unknown
}

/**
 * What an uploader plugin reports for a stored file: the storage's answer as assetdrop reads it
 * (assetdrop's own XHR transport), or the plugin's own body (such as `@uppy/aws-s3`'s
 * `{ location, key }`).
 */
export type AssetBody = {
  /** The answer, read whole by assetdrop's transport. */
  answer?: ServerResponse
  [field: string]: unknown
}

/** The Uppy instance an uploader owns. */
export type AssetUppy = Uppy<AssetMeta, AssetBody>

/** A file in that Uppy instance; its id is the widget's id for the file. */
export type AssetUppyFile = UppyFile<AssetMeta, AssetBody>

declare module '@uppy/core' {
  interface UppyEventMap<M extends Meta, B extends Body> {
    /**
     * A transport's request for a file has started (it had waited for a free slot until now):
     * from here on, a stretch without progress counts towards a stall.
     */
    'assetdrop:request-started': (file: UppyFile<M, B> | undefined) => void
  }
}

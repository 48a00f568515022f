/**
 * Spanish for `<AssetUploader>`: assetdrop's strings and messages, and Uppy's own Spanish for the
 * Dashboard (from `@uppy/locales`, an optional peer to install beside `@uppy/dashboard`).
 */
import pack from '@uppy/locales/lib/es_ES.js'

export { locale, messages } from '../../locales/es'

/**
 * Uppy's Spanish for the Dashboard's own strings (`es_ES` of `@uppy/locales`), with the ones the
 * Dashboard shows that the pack lacks.
 */
export const uppyLocale: typeof pack = {
  ...pack,
  strings: {
    ...pack.strings,
    dataUploadedOfUnknown: '%{complete} de un total desconocido',
    unnamed: 'Sin nombre',
  },
}

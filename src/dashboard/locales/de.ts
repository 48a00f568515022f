/**
 * German for `<AssetUploader>`: assetdrop's strings and messages, and Uppy's own German for the
 * Dashboard (from `@uppy/locales`, an optional peer to install beside `@uppy/dashboard`).
 */
import pack from '@uppy/locales/lib/de_DE.js'

export { locale, messages } from '../../locales/de'

/**
 * Uppy's German for the Dashboard's own strings (`de_DE` of `@uppy/locales`), with the ones the
 * Dashboard shows that the pack lacks.
 */
export const uppyLocale: typeof pack = {
  ...pack,
  strings: {
    ...pack.strings,
    error: 'Fehler',
    dataUploadedOfUnknown: '%{complete} von unbekannt',
    showErrorDetails: 'Fehlerdetails anzeigen',
    additionalRestrictionsFailed: '%{count} weitere Einschränkungen wurden nicht erfüllt',
    unnamed: 'Unbenannt',
  },
}

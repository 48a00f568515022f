/**
 * French for `<AssetUploader>`: assetdrop's strings and messages, and Uppy's own French for the
 * Dashboard (from `@uppy/locales`, an optional peer to install beside `@uppy/dashboard`).
 */
import pack from '@uppy/locales/lib/fr_FR.js'

export { locale, messages } from '../../locales/fr'

/**
 * Uppy's French for the Dashboard's own strings (`fr_FR` of `@uppy/locales`), with the ones the
 * Dashboard shows that the pack lacks.
 */
export const uppyLocale: typeof pack = {
  ...pack,
  strings: {
    ...pack.strings,
    dataUploadedOfUnknown: '%{complete} sur un total inconnu',
    showErrorDetails: 'Afficher le détail de l’erreur',
    unnamed: 'Sans nom',
  },
}

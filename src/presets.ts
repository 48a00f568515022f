export type { BackofficeImagesOptions } from './presets/backofficeImages'
export { backofficeImages, backofficeLimits } from './presets/backofficeImages'
export type { Credential } from './presets/credentials'
export type { DinteroAssetsOptions } from './presets/dinteroAssets'
export { dinteroAssets, dinteroLimits } from './presets/dinteroAssets'
export type { IndreamUploadsOptions } from './presets/indreamUploads'
export { indreamLimits, indreamUploads } from './presets/indreamUploads'
export type { PartnerAssetsOptions } from './presets/partnerAssets'
export { partnerAssets } from './presets/partnerAssets'
export type {
  ProjectAssetsOptions,
  ProjectAssetsStrategy,
  ProjectUpload,
} from './presets/projectAssets'
export { projectAssets } from './presets/projectAssets'

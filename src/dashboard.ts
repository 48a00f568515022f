export type { AssetUploaderProps } from './dashboard/AssetUploader'
export { AssetUploader } from './dashboard/AssetUploader'

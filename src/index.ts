export type {
  AssetAccess,
  AssetFields,
  AssetRecord,
  AssetSource,
  FileInfo,
  StrategyName,
} from './core/asset'
export { toAssetRecord } from './core/asset'
export type {
  CandidateFile,
  FileConstraints,
  FileRejection,
  ImageConstraints,
  RuleResult,
  ValidationIssue,
  ValidationRule,
} from './core/constraints'
export { filesFromDataTransfer } from './core/dataTransfer'
export type {
  AssetDropErrorCode,
  AssetDropErrorOptions,
  TransportCode,
  ValidationCode,
} from './core/errors'
export { AssetDropError, isAssetDropError } from './core/errors'
export type { ServerResponse } from './core/http'
export type { ErrorMessages, MessageParams } from './core/messages'
export { defaultErrorMessages, formatError, messageFor } from './core/messages'
export type {
  AssetBody,
  AssetMeta,
  AssetUppy,
  AttemptContext,
  HeadersOption,
  InstalledStrategy,
  MetaField,
  StepContext,
  UploadStrategy,
} from './core/strategy'
export type { Clock } from './core/uploader/clock'
export { createUploader } from './core/uploader/createUploader'
export type { RetryPolicy } from './core/uploader/retryPolicy'
export type { FileStatus, UploaderSnapshot, UploadItem } from './core/uploader/store'
export type {
  AddFilesResult,
  CreateUploaderOptions,
  FileSource,
  Uploader,
  UploadFailure,
  UploadOutcome,
} from './core/uploader/types'
export type { AssetDropzoneProps } from './react/AssetDropzone'
export { AssetDropzone } from './react/AssetDropzone'
export type { AssetListProps } from './react/AssetList'
export { AssetList } from './react/AssetList'
export type { DropzoneLocale } from './react/locale'
export { englishLocale } from './react/locale'
export type {
  AssetRemoval,
  DropRootProps,
  FileInputProps,
  FolderInputProps,
  UseUploaderOptions,
  UseUploaderResult,
} from './react/useUploader'
export { assetKey, useUploader } from './react/useUploader'
export type { ImageOnlyOptions } from './strategies/imageOnly'
export { defaultMaxPixels, imageOnly, webImageTypes } from './strategies/imageOnly'
export { commonAssetRecord, readAssetRecord } from './strategies/kit/commonRecord'
export type { JsonRequest } from './strategies/kit/requestJson'
export { requestJson } from './strategies/kit/requestJson'
export type { MultipartFormOptions } from './strategies/multipartForm'
export { multipartForm } from './strategies/multipartForm'
export type {
  IssuedUpload,
  PresignedPutOptions,
  StoredUpload,
} from './strategies/presignedPut'
export { presignedPut } from './strategies/presignedPut'
export type { RawBodyOptions } from './strategies/rawBody'
export { rawBody } from './strategies/rawBody'
export type {
  AssetReference,
  ReferenceMeta,
  ReferenceRegistrar,
  RegisterByReferenceOptions,
} from './strategies/registerByReference'
export { registerByReference } from './strategies/registerByReference'
export type { S3MultipartOptions, S3SignRequest } from './strategies/s3Multipart'
export { s3Multipart } from './strategies/s3Multipart'

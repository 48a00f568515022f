import type { Meta, StoryObj } from '@storybook/react-vite'
import { useMemo } from 'react'
import type { FileInfo } from '../src/core/asset'
import type { UploadStrategy } from '../src/core/strategy'
import { projectAssets } from '../src/presets/projectAssets'
import { AssetDropzone } from '../src/react/AssetDropzone'
import { imageOnly } from '../src/strategies/imageOnly'
import { requestJson } from '../src/strategies/kit/requestJson'
import { multipartForm } from '../src/strategies/multipartForm'
import { presignedPut } from '../src/strategies/presignedPut'
import { rawBody } from '../src/strategies/rawBody'
import { s3Multipart } from '../src/strategies/s3Multipart'
import { presignThrough } from '../test/server/clients'
import { demoCredentials as c } from '../test/server/demo'

type StrategyName =
  | 'multipartForm'
  | 'rawBody'
  | 'imageOnly'
  | 'presignedPut'
  | 's3Multipart'
  | 'registerByReference'

/** Each strategy, configured by hand against a reference backend on Storybook's own origin. */
const strategies: Record<StrategyName, () => UploadStrategy> = {
  multipartForm: () =>
    multipartForm({
      endpoint: '/api/v1/partner/asset/upload/public',
      headers: { authorization: `Bearer ${c.partnerToken}` },
    }),
  rawBody: () => rawBody({ endpoint: '/v1/uploads', headers: { 'x-api-key': c.indreamApiKey } }),
  imageOnly: () =>
    imageOnly({
      endpoint: '/upload/image',
      fieldName: 'image',
      headers: { 'x-api-key': c.backofficeApiKey },
    }),
  presignedPut: () =>
    presignedPut({
      getUploadUrl: async (file: FileInfo) => {
        const { json } = await requestJson({
          url: `/v1/accounts/${c.dinteroAccountId}/management/assets`,
          headers: { authorization: `Bearer ${c.dinteroToken}` },
          body: { size_bytes: file.size, mime_type: file.type || 'application/octet-stream' },
        })
        const answer = json as { upload_url: string; upload_expires_in: number }
        return { uploadUrl: answer.upload_url, expiresIn: answer.upload_expires_in, response: json }
      },
      constraints: { allowedTypes: ['image/png', 'image/jpeg', 'application/pdf', 'text/csv'] },
    }),
  s3Multipart: () =>
    s3Multipart({
      signRequest: async (request) =>
        (await requestJson({ url: '/app/s3/sign', body: request })).json as { url: string },
      objectKey: (file) => `projects/multipart/${file.id}/${file.name}`,
    }),
  // presignedPut to the app's bucket, then registerByReference creates the asset from its key.
  registerByReference: () =>
    projectAssets({
      projectId: c.projectId,
      apiKey: c.projectApiKey,
      presign: (file) => presignThrough('', file),
    }),
}

interface StrategyDemoProps {
  /** The backend style: each is a thin layer over one of Uppy's uploaders. */
  strategy: StrategyName
  /** Whether files upload as soon as they are dropped. */
  autoUpload: boolean
}

/** One strategy in `<AssetDropzone>`, uploading for real to its reference backend. */
export function StrategyDemo({ strategy, autoUpload }: StrategyDemoProps) {
  const made = useMemo(() => strategies[strategy](), [strategy])
  return (
    <div style={{ maxWidth: 640 }}>
      <AssetDropzone key={`${strategy}:${autoUpload}`} strategy={made} autoUpload={autoUpload} />
    </div>
  )
}

const meta = {
  title: 'Backend styles/Strategies',
  component: StrategyDemo,
  // Exported for the docs to read its props' comments, not a story.
  excludeStories: ['StrategyDemo'],
  tags: ['autodocs'],
  args: { strategy: 'multipartForm', autoUpload: true },
  argTypes: { strategy: { control: 'select', options: Object.keys(strategies) } },
  parameters: {
    docs: {
      description: {
        component:
          'The six strategies, each against its reference backend: drop a file and see its asset record below. The presets (Presets) wrap them for the five documents.',
      },
    },
  },
} satisfies Meta<typeof StrategyDemo>

export default meta
type Story = StoryObj<typeof meta>

/** `multipartForm`: the file and its name in a `multipart/form-data` POST (document 001's API). */
export const MultipartForm: Story = { args: { strategy: 'multipartForm' } }
/** `rawBody`: the file as the whole body, its name in `x-file-name` (document 002's API). */
export const RawBody: Story = { args: { strategy: 'rawBody' } }
/** `imageOnly`: one image field, JPEG, PNG, GIF and WebP checked by content (document 004's API). */
export const ImageOnly: Story = { args: { strategy: 'imageOnly' } }
/** `presignedPut`: the API issues a signed URL per file, then the bytes go there (document 000's API). */
export const PresignedPut: Story = { args: { strategy: 'presignedPut' } }
/** `s3Multipart`: the app's backend signs each S3 request; large files go in parts. */
export const S3Multipart: Story = { args: { strategy: 's3Multipart' } }
/** `registerByReference`: a presigned PUT to the app's bucket, then the key is registered (document 003's API). */
export const RegisterByReference: Story = { args: { strategy: 'registerByReference' } }

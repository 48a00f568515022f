import type { Meta, StoryObj } from '@storybook/react-vite'
import { useMemo } from 'react'
import { multipartForm } from '../src/strategies/multipartForm'
import { demoCredentials } from '../test/server/demo'
import { Demo } from './Demo'

interface PartnerAssetsDemoProps {
  /** Which of document 001's two upload endpoints the files go to. */
  access: 'public' | 'private'
  /** Whether files upload as soon as they are dropped. */
  autoUpload: boolean
  /** The bearer token sent to the API; change it to see a 401 surface as a typed error. */
  token: string
}

/** `multipartForm` against the reference backend for document 001. */
export function PartnerAssetsDemo({ access, autoUpload, token }: PartnerAssetsDemoProps) {
  const strategy = useMemo(
    () =>
      multipartForm({
        endpoint: `/api/v1/partner/asset/upload/${access}`,
        headers: async () => ({ authorization: `Bearer ${token}` }),
      }),
    [access, token],
  )
  return (
    <Demo
      key={`${access}:${token}:${autoUpload}`}
      strategy={strategy}
      autoUpload={autoUpload}
      note="Any file; images get sized previews"
    />
  )
}

const meta = {
  title: 'Widgets/AssetUploader (Uppy Dashboard)',
  component: PartnerAssetsDemo,
  // Exported for the docs to read its props' comments, not a story.
  excludeStories: ['PartnerAssetsDemo'],
  tags: ['autodocs'],
  args: { access: 'public', autoUpload: false, token: demoCredentials.partnerToken },
  argTypes: { access: { control: 'inline-radio', options: ['public', 'private'] } },
  parameters: {
    docs: {
      description: {
        component:
          'Drop a file: it is posted as multipart/form-data (fields `name` and `file`) to the reference backend for the partner assets API, which answers a `CompanyAsset`; assetdrop turns it into an `AssetRecord`.',
      },
    },
  },
} satisfies Meta<typeof PartnerAssetsDemo>

export default meta
type Story = StoryObj<typeof meta>

/** Uploads to `/api/v1/partner/asset/upload/public`: the record has a public URL and sized previews. */
export const PublicUpload: Story = {}

/** Uploads to `/upload/private`: the record's access is `private`. */
export const PrivateUpload: Story = { args: { access: 'private' } }

/** A wrong token: the server's 401 message shows next to the file, after one request. */
export const WrongToken: Story = { args: { token: 'not-the-token', autoUpload: true } }

import type { FileInfo } from '../src/core/asset'
import { AssetDropError } from '../src/core/errors'
import type { UploaderSnapshot } from '../src/core/uploader/store'

const file = (id: string, name: string, type: string, size: number): FileInfo => ({
  id,
  name,
  type,
  size,
})

/** One file in every state, side by side. */
export const snapshot: UploaderSnapshot = {
  items: [
    { ...file('s1', 'checking.pdf', 'application/pdf', 120_000), status: 'validating' },
    { ...file('s2', 'ready.png', 'image/png', 48_000), status: 'queued' },
    {
      ...file('s3', 'renamed.png', 'image/png', 3_000),
      status: 'rejected',
      issues: [
        {
          code: 'content-mismatch',
          message: 'The file is named as PNG but its content is PDF',
          params: {},
        },
      ],
    },
    {
      ...file('s4', 'halfway.jpg', 'image/jpeg', 2_000_000),
      status: 'uploading',
      bytesUploaded: 1_000_000,
    },
    {
      ...file('s5', 'done.pdf', 'application/pdf', 80_000),
      status: 'succeeded',
      asset: {
        id: 'a5',
        name: 'done.pdf',
        mimeType: 'application/pdf',
        size: 80_000,
        url: 'https://assets.example.com/done.pdf',
        previews: {},
        strategy: 'multipart-form',
        fileId: 's5',
        response: {},
      },
    },
    {
      ...file('s6', 'refused.pdf', 'application/pdf', 5_000),
      status: 'failed',
      error: new AssetDropError('unauthorized', {
        status: 401,
        serverMessage: 'Full authentication is required',
      }),
    },
    { ...file('s7', 'stopped.csv', 'text/csv', 9_000), status: 'cancelled' },
    {
      ...file('s8', 'busy.png', 'image/png', 30_000),
      status: 'retrying',
      error: new AssetDropError('rate-limited', { status: 429, retryAfter: 600_000 }),
      retryAt: Date.now() + 600_000,
      retries: 1,
    },
    {
      ...file('s9', 'offline.pdf', 'application/pdf', 12_000),
      status: 'retrying',
      error: new AssetDropError('network'),
      retryAt: undefined,
      retries: 0,
    },
  ],
  status: 'uploading',
  online: true,
  bytesUploaded: 1_080_000,
  bytesTotal: 2_080_000,
}

import type { FileInfo } from '../../src/core/asset'
import { requestJson } from '../../src/strategies/kit/requestJson'

/**
 * Asks the reference app backend at `origin` for a presigned PUT to its bucket, as a real app's
 * `projectAssets({ presign })` would; shared by the tests and the stories.
 */
export async function presignThrough(origin: string, file: FileInfo) {
  const { json } = await requestJson({
    url: `${origin}/app/presign`,
    body: { filename: file.name, content_type: file.type, size: file.size },
  })
  const answer = json as { upload_url: string; key: string; expires_in: number }
  return {
    uploadUrl: answer.upload_url,
    key: answer.key,
    expiresIn: answer.expires_in,
    response: answer,
  }
}

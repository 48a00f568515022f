import { describe, expect, it } from 'vitest'
import { type PresignedPutOptions, presignedPut } from '../../src/strategies/presignedPut'
import { type S3MultipartOptions, s3Multipart } from '../../src/strategies/s3Multipart'

const getUploadUrl = async () => ({ uploadUrl: 'https://bucket.example.com/k', response: {} })
const signRequest = async () => ({ url: 'https://bucket.example.com/k' })

describe('presignedPut and s3Multipart options', () => {
  it('points an app that passes signRequest to presignedPut at s3Multipart', () => {
    const options = { signRequest } as unknown as PresignedPutOptions
    expect(() => presignedPut(options)).toThrow(/use `s3Multipart\(\{ signRequest \}\)`/)
    expect(() => presignedPut({ ...options, getUploadUrl })).toThrow(/s3Multipart/)
  })

  it('says which function each one needs', () => {
    expect(() => presignedPut({} as PresignedPutOptions)).toThrow(/needs `getUploadUrl\(file\)`/)
    expect(() => s3Multipart({} as S3MultipartOptions)).toThrow(/needs `signRequest\(request\)`/)
    expect(presignedPut({ getUploadUrl }).name).toBe('presigned-put')
    expect(s3Multipart({ signRequest }).name).toBe('presigned-put')
  })
})

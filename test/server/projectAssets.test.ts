import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixture } from '../fixtures/index.ts'
import { demoCredentials } from './demo.ts'
import { type ReferenceServer, startReferenceServer } from './referenceServer.ts'

let server: ReferenceServer
beforeAll(async () => {
  server = await startReferenceServer()
})
afterAll(() => server.close())

const sample = {
  title: 'Sample Asset',
  description: 'Sample asset from API V2',
  category: 'Sample',
  tags: ['sample', 'test'],
}

function create(body: unknown, options: { projectId?: string; apiKey?: string } = {}) {
  return fetch(
    `${server.url}/api/v2/projects/${options.projectId ?? demoCredentials.projectId}/assets`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': options.apiKey ?? demoCredentials.projectApiKey,
      },
      body: JSON.stringify(body),
    },
  )
}

/** The keys of the document's example answers, in its order. */
const documentedKeys = [
  'id',
  'external_id',
  'parent_id',
  'project_id',
  'owner',
  'title',
  'description',
  'category',
  'tags',
  'ai_tags',
  'status',
  'media_type',
  'original_filename',
  'drop_folder_id',
  'md5_sum',
  'created_date',
  'modification_date',
  'deleted',
]

describe('reference backend for document 003 (register by reference)', () => {
  it('creates an asset without media, shaped like the document’s example', async () => {
    const response = await create(sample)
    expect(response.status).toBe(200)
    const { asset } = (await response.json()) as { asset: Record<string, unknown> }
    expect(Object.keys(asset)).toEqual(documentedKeys)
    expect(asset).toMatchObject({
      id: expect.stringMatching(/^[\w-]{20}$/),
      external_id: null,
      project_id: demoCredentials.projectId,
      title: 'Sample Asset',
      description: 'Sample asset from API V2',
      category: 'sample',
      tags: ['sample', 'test'],
      ai_tags: [],
      status: 'open',
      media_type: 'placeholder',
      original_filename: null,
      created_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      deleted: null,
    })
  })

  it('creates an article', async () => {
    const { asset } = (await (await create({ ...sample, media_type: 'article' })).json()) as {
      asset: { media_type: string }
    }
    expect(asset.media_type).toBe('article')
  })

  it.each(['http://www.example.com/jpgfile.jpg', 'https://www.example.com/jpgfile.jpg'])(
    'accepts media from the URL %s',
    async (fileUrl) => {
      const response = await create({
        ...sample,
        url: { file_url: fileUrl, filename: 'jpgfile.jpg' },
      })
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({
        asset: { media_type: 'processing', original_filename: 'jpgfile.jpg' },
      })
    },
  )

  it('registers media from a key in the S3 store', async () => {
    const key = `projects/${demoCredentials.projectId}/photo-${Date.now()}.jpg`
    await server.s3.putObject(key, fixture('photo.jpg'), 'image/jpeg')
    const response = await create({
      ...sample,
      external_id: 'ext-1',
      s3: { s3_key: key, filename: 'photo.jpg' },
    })
    expect(response.status).toBe(200)
    const { asset } = (await response.json()) as { asset: { id: string; external_id: string } }
    expect(asset).toMatchObject({
      media_type: 'processing',
      original_filename: 'photo.jpg',
      external_id: 'ext-1',
    })
    expect(server.backends.projectAssets.assets.get(asset.id)?.media).toEqual({ s3Key: key })
    const stored = await fetch(`${server.url}/__reference/s3/${key}`)
    expect(Buffer.from(await stored.arrayBuffer())).toEqual(fixture('photo.jpg'))
  })

  it('answers 404 {"error":"project not found"} for an unknown project', async () => {
    const response = await create(sample, { projectId: 'not-found-id' })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: 'project not found' })
  })

  it('answers 422 "Missing parameter title" without a title', async () => {
    const { title: _, ...withoutTitle } = sample
    const response = await create(withoutTitle)
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({ error: 'Missing parameter title' })
  })

  it('answers the document’s 422 for a media_type other than article', async () => {
    const response = await create({ ...sample, media_type: 'image' })
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      error:
        'Invalid parameter \'media_type\' value "image": Must be one of: <code>article</code>.',
    })
  })

  it('creates the asset but answers 400 when the file URL is not an HTTP URL', async () => {
    const before = server.backends.projectAssets.assets.size
    const response = await create({
      ...sample,
      url: { file_url: '/local/downloads/myfile.jpg', filename: 'jpgfile.jpg' },
    })
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: string }
    expect(error).toMatch(
      /^Asset [\w-]{20} created, adding media to asset failed: not a valid HTTP URL$/,
    )
    expect(server.backends.projectAssets.assets.size).toBe(before + 1)
  })

  it.each([
    [
      'a title that is not a string',
      { ...sample, title: 5 },
      "Invalid parameter 'title' value 5: Must be a String",
    ],
    [
      'tags that are not strings',
      { ...sample, tags: ['a', 1] },
      'Invalid parameter \'tags\' value ["a",1]: Must be an array of String',
    ],
    [
      'url without file_url',
      { ...sample, url: { filename: 'a.jpg' } },
      'Missing parameter url[file_url]',
    ],
    ['s3 without filename', { ...sample, s3: { s3_key: 'k' } }, 'Missing parameter s3[filename]'],
    [
      'url that is not a hash',
      { ...sample, url: 'https://x' },
      'Invalid parameter \'url\' value "https://x": Must be a Hash',
    ],
  ])('answers 422 for %s', async (_, body, error) => {
    const response = await create(body)
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({ error })
  })

  it('answers 400 for an S3 key with no object behind it', async () => {
    const response = await create({
      ...sample,
      s3: { s3_key: 'missing/key.jpg', filename: 'key.jpg' },
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(
      /adding media to asset failed: S3 object not found$/,
    )
  })

  it('answers 401 for a wrong API key', async () => {
    const response = await create(sample, { apiKey: 'nope' })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: 'Unauthorized' })
  })

  it('answers a documented 500 when the fault controls ask for one', async () => {
    await fetch(`${server.url}/__reference/faults`, {
      method: 'POST',
      body: JSON.stringify({
        match: { path: '/api/v2/projects/' },
        action: { kind: 'respond', status: 500, body: '{"error":"Internal Server Error"}' },
      }),
    })
    const response = await create(sample)
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({ error: 'Internal Server Error' })
    expect((await create(sample)).status).toBe(200)
  })
})

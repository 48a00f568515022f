import { afterEach, describe, expect, it } from 'vitest'
import { multipartForm } from '../../src/strategies/multipartForm'
import { rawBody } from '../../src/strategies/rawBody'
import { demoCredentials as c } from '../server/demo'
import { addFault, pdfFile, referenceUrl, uniqueName, uploadAll } from '../support'
import { spyOnNetwork } from '../validation/networkSpy'

afterEach(() => fetch(`${referenceUrl}/__reference/faults`, { method: 'DELETE' }))

const cdn = 'https://cdn.example.com/a1.pdf'

/** Each answer shape a server may send, and what the record must read from it. */
const shapes: [
  string,
  { status?: number; body: string; headers?: Record<string, string> },
  object,
][] = [
  ['{id, url}', { body: JSON.stringify({ id: 'a1', url: cdn }) }, { id: 'a1', url: cdn }],
  [
    '{data: {…}}',
    { body: JSON.stringify({ data: { id: 'a1', url: cdn } }) },
    { id: 'a1', url: cdn },
  ],
  [
    '{asset: {…}}',
    { body: JSON.stringify({ asset: { id: 'a1', fileUrl: cdn } }) },
    { id: 'a1', url: cdn },
  ],
  [
    '{file: {…}}',
    { body: JSON.stringify({ file: { uuid: 'a1', public_url: cdn } }) },
    { id: 'a1', url: cdn },
  ],
  [
    '{result: {…}}',
    { body: JSON.stringify({ result: { asset_id: 'a1', secure_url: cdn } }) },
    { id: 'a1', url: cdn },
  ],
  [
    '{files: [{…}]}',
    { body: JSON.stringify({ files: [{ id: 'a1', url: cdn }] }) },
    { id: 'a1', url: cdn },
  ],
  ['[{…}]', { body: JSON.stringify([{ id: 'a1', url: cdn }]) }, { id: 'a1', url: cdn }],
  [
    '{data: [{…}]}',
    { body: JSON.stringify({ data: [{ id: 'a1', url: cdn }] }) },
    { id: 'a1', url: cdn },
  ],
  [
    '{_id, secure_url}',
    { body: JSON.stringify({ _id: 'a1', secure_url: cdn }) },
    { id: 'a1', url: cdn },
  ],
  [
    '{key, location} (multer-s3)',
    { body: JSON.stringify({ key: 'uploads/a1.pdf', location: cdn }) },
    { id: 'uploads/a1.pdf', key: 'uploads/a1.pdf', url: cdn },
  ],
  ['a numeric id', { body: JSON.stringify({ id: 42 }) }, { id: '42' }],
  [
    'a JSON:API resource (fields in attributes)',
    {
      body: JSON.stringify({
        data: { id: 'a1', type: 'assets', attributes: { url: cdn, created_at: 1764633600 } },
      }),
    },
    { id: 'a1', url: cdn, createdAt: '2025-12-02T00:00:00.000Z' },
  ],
  [
    'a URL with a user name and password (left out)',
    { body: JSON.stringify({ id: 'a1', url: 'https://user:s3cret@cdn.example.com/a1.pdf' }) },
    { id: 'a1', url: cdn },
  ],
  [
    '201 with a Location header and no body',
    { status: 201, body: '', headers: { location: '/files/a1.pdf' } },
    { id: `${referenceUrl}/files/a1.pdf`, url: `${referenceUrl}/files/a1.pdf` },
  ],
  [
    'a plain-text URL',
    { body: cdn, headers: { 'content-type': 'text/plain' } },
    { id: cdn, url: cdn },
  ],
]

const strategy = () =>
  multipartForm({
    endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
    headers: { authorization: `Bearer ${c.partnerToken}` },
  })

describe('multipartForm reads the common answer shapes', () => {
  it.each(shapes)('%s', async (_, answer, expected) => {
    await addFault({
      match: { path: '/api/v1/partner/asset/upload/' },
      action: {
        kind: 'respond',
        status: answer.status ?? 200,
        body: answer.body,
        headers: answer.headers,
      },
    })
    const file = pdfFile(uniqueName('shape.pdf'), 500)
    const { assets, failed } = await uploadAll(strategy(), [file])
    expect(failed).toEqual([])
    expect(assets[0]).toMatchObject({
      ...expected,
      name: file.name,
      size: 500,
      strategy: 'multipart-form',
    })
  })

  it.each([
    ['204 with no body', { status: 204, body: '' }],
    ['200 {}', { status: 200, body: '{}' }],
    ['200 {"ok":true}', { status: 200, body: '{"ok":true}' }],
  ])(
    'a stored file whose answer (%s) names no asset fails as answer-unrecognized, and is never sent again',
    async (_, answer) => {
      const spy = spyOnNetwork()
      await addFault({
        match: { path: '/api/v1/partner/asset/upload/' },
        action: { kind: 'respond', status: answer.status, body: answer.body },
      })
      const { failed, uploader } = await uploadAll(strategy(), [
        pdfFile(uniqueName('odd.pdf'), 500),
      ])
      expect(failed[0]?.error).toMatchObject({ code: 'answer-unrecognized', status: answer.status })
      const again = await uploader.retry()
      spy.stop()
      expect(again).toEqual({ assets: [], failed: [] })
      expect(spy.requests.filter((request) => request.method === 'POST')).toHaveLength(1)
      uploader.destroy()
    },
  )

  it('reads them for raw body too', async () => {
    await addFault({
      match: { path: '/v1/uploads' },
      action: {
        kind: 'respond',
        status: 200,
        body: JSON.stringify({ data: { id: 'r1', url: cdn } }),
      },
    })
    const { assets } = await uploadAll(
      rawBody({
        endpoint: `${referenceUrl}/v1/uploads`,
        headers: { 'x-api-key': c.indreamApiKey },
      }),
      [pdfFile(uniqueName('raw.pdf'), 300)],
    )
    expect(assets[0]).toMatchObject({ id: 'r1', url: cdn, strategy: 'raw-body' })
  })
})

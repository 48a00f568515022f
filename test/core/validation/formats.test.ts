import { describe, expect, it } from 'vitest'
import { detectFormat } from '../../../src/core/validation/formats'
import { readImageSize } from '../../../src/core/validation/imageSize'
import { nameProblem } from '../../../src/core/validation/names'
import { fixture } from '../../fixtures/index.ts'

const text = (value: string) => new TextEncoder().encode(value)
const bytes = (...values: number[]) => Uint8Array.from(values)
const utf16 = (value: string, littleEndian = true) => {
  const view = new DataView(new ArrayBuffer(2 + value.length * 2))
  view.setUint16(0, 0xfeff, littleEndian)
  for (let i = 0; i < value.length; i++)
    view.setUint16(2 + i * 2, value.charCodeAt(i), littleEndian)
  return new Uint8Array(view.buffer)
}

describe('detectFormat', () => {
  it.each([
    ['photo.png', 'png'],
    ['photo.jpg', 'jpeg'],
    ['photo.gif', 'gif'],
    ['photo.webp', 'webp'],
  ])('recognizes the real %s as %s', (name, format) => {
    expect(detectFormat(fixture(name))).toBe(format)
  })

  it.each([
    ['a PDF', text('%PDF-1.7\n%âãÏÓ'), 'pdf'],
    ['an Office 97 file', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), 'ole'],
    [
      'a Windows program',
      Uint8Array.from([...text('MZ'), 0x90, 0, 3, 0, 0, 0, 4, 0]),
      'executable',
    ],
    ['a Linux program', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0), 'executable'],
    ['a macOS program', bytes(0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1), 'executable'],
    ['a shell script', text('#!/bin/sh\necho hi'), 'script'],
    ['an HTML page', text('<!DOCTYPE html><html><body>hi'), 'html'],
    ['an HTML page after a BOM and spaces', text('\uFEFF  \n<html lang="en">'), 'html'],
    ['a script tag inside text', text('name,value\n1,<script>alert(1)</script>'), 'html'],
    ['an SVG image', text('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
    [
      'an SVG image behind an XML declaration',
      text('<?xml version="1.0"?>\n<!-- x -->\n<svg>'),
      'svg',
    ],
    ['XML', text('<?xml version="1.0"?><root/>'), 'xml'],
    ['UTF-16 text (little-endian)', utf16('Grüße, notes\r\n'), 'text'],
    ['UTF-16 text (big-endian)', utf16('name,value\n1,2\n', false), 'text'],
    ['an HTML page in UTF-16', utf16('<!DOCTYPE html><p>hi'), 'html'],
    [
      'an SVG image in UTF-16 (big-endian)',
      utf16('<svg xmlns="http://www.w3.org/2000/svg"/>', false),
      'svg',
    ],
    ['XML without a declaration', text('<root><item>1</item></root>'), 'text'],
    [
      'XML styled with CSS',
      text('<?xml version="1.0"?><?xml-stylesheet type="text/css" href="feed.css"?><rss/>'),
      'xml',
    ],
    [
      'XHTML in XML without a declaration',
      text('<h:html xmlns:h="http://www.w3.org/1999/xhtml"/>'),
      'html',
    ],
    ['an HTML page with an inline SVG', text('<html><body><svg></svg></body></html>'), 'html'],
    ['XML in UTF-16', utf16('<?xml version="1.0" encoding="UTF-16"?><root/>'), 'xml'],
    ['CSV text', text('name;amount\nÅse;12,50\n'), 'text'],
    ['binary data', bytes(1, 2, 0, 3, 4), 'binary'],
    ['nothing', bytes(), 'empty'],
  ])('recognizes %s', (_, head, format) => {
    expect(detectFormat(head)).toBe(format)
  })

  it('tells an Excel workbook from another ZIP by the directory at its end', () => {
    const zip = bytes(0x50, 0x4b, 0x03, 0x04, 20, 0)
    expect(detectFormat(zip, text('...[Content_Types].xml...xl/workbook.xml...'))).toBe('xlsx')
    expect(detectFormat(zip, text('...word/document.xml...'))).toBe('zip')
  })

  it('does not take CSV text that starts with MZ for a program', () => {
    expect(detectFormat(text('MZ-42,Mazda,2019\n'))).toBe('text')
  })
})

describe('readImageSize', () => {
  it.each([
    ['photo.png', 'png'],
    ['photo.jpg', 'jpeg'],
    ['photo.gif', 'gif'],
    ['photo.webp', 'webp'],
  ] as const)('reads 40×30 from the header of %s', (name, format) => {
    expect(readImageSize(format, fixture(name))).toEqual({ width: 40, height: 30 })
  })

  it('reads an SVG written in UTF-16 as a browser does, after its byte order mark', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"/>'
    expect(readImageSize('svg', utf16(svg, false))).toEqual({ width: 120, height: 80 })
  })

  it('needs more bytes when a JPEG header is cut before its frame', () => {
    expect(readImageSize('jpeg', fixture('photo.jpg').subarray(0, 20))).toBeUndefined()
  })
})

describe('nameProblem', () => {
  it.each([
    ['report.pdf', undefined],
    ['Übersicht März 2026.xlsx', undefined],
    ['', 'empty'],
    ['   ', 'empty'],
    ['a\u0000b.pdf', 'control-character'],
    ['line\nbreak.pdf', 'control-character'],
    ['invoice\u202Efdp.exe', 'bidi-control'],
    ['x\u2066y.pdf', 'bidi-control'],
    ['../../etc/passwd', 'path-separator'],
    ['dir\\file.pdf', 'path-separator'],
    ['.', 'reserved'],
    ['..', 'reserved'],
    [' .. ', 'reserved'],
    ['...', 'reserved'],
    ['..\uFF0Fetc\uFF0Fpasswd', 'path-separator'],
    ['a\uFF3Cb.pdf', 'path-separator'],
    ['a\u2215b.pdf', 'path-separator'],
    ['a\u2044b.pdf', 'path-separator'],
    ['a\u29F8b.pdf', 'path-separator'],
    ['a\uFE68b.pdf', 'path-separator'],
    ['.hidden.pdf', undefined],
    ['report..final.pdf', undefined],
  ])('finds %j to be %s', (name, problem) => {
    expect(nameProblem(name)).toBe(problem)
  })

  it('counts characters, not UTF-16 code units, against the length limit', () => {
    expect(nameProblem('😀'.repeat(10), 10)).toBeUndefined()
    expect(nameProblem('a'.repeat(11), 10)).toBe('too-long')
  })
})

import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../../../electron/main/core/datasets/files/decode'
import { utf8 } from './helpers'

function refused(bytes: Uint8Array, maxBytes?: number) {
  const result = decodeText('cases.csv', bytes, maxBytes)
  if (result.ok) throw new Error('expected the bytes to be refused')
  return result.issue
}

describe('decodeText', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    expect(decodeText('a.csv', utf8('\uFEFFid,q\n1,é ✓\n'))).toEqual({ ok: true, text: 'id,q\n1,é ✓\n' })
  })

  it('keeps a byte order mark that is not at the start, and a real U+FFFD', () => {
    const result = decodeText('a.csv', utf8('a\uFFFDb\uFEFF'))
    expect(result).toEqual({ ok: true, text: 'a\uFFFDb\uFEFF' })
  })

  it.each([
    ['UTF-32 LE', [0xff, 0xfe, 0, 0, 0x61, 0, 0, 0], 'UTF-32 (little-endian)'],
    ['UTF-32 BE', [0, 0, 0xfe, 0xff, 0, 0, 0, 0x61], 'UTF-32 (big-endian)'],
    ['UTF-16 LE', [0xff, 0xfe, 0x61, 0], 'UTF-16 (little-endian)'],
    ['UTF-16 BE', [0xfe, 0xff, 0, 0x61], 'UTF-16 (big-endian)'],
  ])('names %s and asks for UTF-8', (_, bytes, name) => {
    expect(refused(new Uint8Array(bytes)).message).toBe(`the file is ${name}; save it as UTF-8`)
  })

  it('names the offset, line and Windows-1252 reading of the first invalid byte', () => {
    const bytes = new Uint8Array([...utf8('a\uFFFD\nb\n'), 0x93, ...utf8('quoted\n')])
    const issue = refused(bytes)
    expect(issue.line).toBe(3)
    expect(issue.message).toBe(
      'the file is not valid UTF-8: byte 0x93 at offset 7 (in Windows-1252 or Latin-1 it would be "“"); save the file as UTF-8',
    )
  })

  it('reports a sequence cut off at the end of the file', () => {
    const issue = refused(new Uint8Array([...utf8('ok\r\nthen'), 0xe2, 0x9c]))
    expect(issue).toMatchObject({ line: 2, message: expect.stringContaining('byte 0xE2 at offset 8') })
  })

  it('refuses binary files, telling UTF-16 without a byte order mark apart', () => {
    expect(refused(new Uint8Array([0x89, 0x50, 0, 0x1a])).message).toContain('looks like a binary file')
    const utf16 = new Uint8Array(Buffer.from('id,question\n1,hello\n', 'utf16le'))
    expect(refused(utf16).message).toBe(
      'the file looks like UTF-16 without a byte order mark; save it as UTF-8',
    )
  })

  it('recognises spreadsheets saved under a text name', () => {
    expect(refused(new Uint8Array([0x50, 0x4b, 3, 4, 0x14])).message).toContain('ZIP archive')
    expect(refused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1])).message).toContain('old Excel .xls')
  })

  it('refuses empty and whitespace-only files', () => {
    expect(refused(new Uint8Array()).message).toBe('the file is empty')
    expect(refused(utf8('\uFEFF')).message).toBe('the file is empty')
    expect(refused(utf8(' \r\n\t\n')).message).toBe('the file is empty (only whitespace)')
  })

  it('refuses a file over the size limit before decoding it', () => {
    expect(refused(new Uint8Array(3 * 1024 * 1024), 2 * 1024 * 1024).message).toBe(
      'the file is 3.0 MB; the import limit is 2.0 MB',
    )
    expect(refused(utf8('x'.repeat(100)), 10).message).toBe(
      'the file is 100 bytes; the import limit is 10 bytes',
    )
  })
})

import { formatCount, type FileIssue } from './table'
import { DEFAULT_LIMITS } from './limits'

export type DecodeResult = { ok: true; text: string } | { ok: false; issue: FileIssue }

interface Signature {
  bytes: number[]
  message: string
}

/** Longest first: the UTF-32 LE mark begins with the UTF-16 LE one. */
const SIGNATURES: Signature[] = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], message: 'the file is UTF-32 (little-endian); save it as UTF-8' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], message: 'the file is UTF-32 (big-endian); save it as UTF-8' },
  { bytes: [0xff, 0xfe], message: 'the file is UTF-16 (little-endian); save it as UTF-8' },
  { bytes: [0xfe, 0xff], message: 'the file is UTF-16 (big-endian); save it as UTF-8' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    message: 'the file is a ZIP archive (an Excel .xlsx workbook?); export it as "CSV UTF-8" first',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    message: 'the file is an old Excel .xls workbook; export it as "CSV UTF-8" first',
  },
]

const UTF8_BOM = [0xef, 0xbb, 0xbf]
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Bytes → text, strictly UTF-8. A UTF-8 byte order mark is dropped; other encodings, binary files, files over
 * the size limit and files with nothing but whitespace are refused with a message that says what to do.
 */
export function decodeText(
  file: string,
  bytes: Uint8Array,
  maxBytes = DEFAULT_LIMITS.maxFileBytes,
): DecodeResult {
  const refuse = (message: string, line?: number): DecodeResult => ({
    ok: false,
    issue: line === undefined ? { file, message } : { file, line, message },
  })
  if (bytes.length > maxBytes) {
    const message = `the file is ${sizeText(bytes.length)}; the import limit is ${sizeText(maxBytes)}`
    return { ok: false, issue: { file, message, limit: true } }
  }
  if (bytes.length === 0) return refuse('the file is empty')
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes))
  if (signature) return refuse(signature.message)
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes
  const nul = body.indexOf(0)
  if (nul !== -1) return refuse(nulMessage(body))
  let text: string
  try {
    text = strictUtf8.decode(body)
  } catch {
    const bad = firstInvalidByte(body)
    return refuse(invalidUtf8Message(body, bad), lineAt(body, bad))
  }
  if (text.trim() === '')
    return refuse(text === '' ? 'the file is empty' : 'the file is empty (only whitespace)')
  return { ok: true, text }
}

function nulMessage(body: Uint8Array): string {
  const sample = body.subarray(0, 4096)
  let odd = 0
  let even = 0
  sample.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) even += 1
      else odd += 1
    }
  })
  if (odd + even > sample.length / 4 && Math.min(odd, even) === 0) {
    return 'the file looks like UTF-16 without a byte order mark; save it as UTF-8'
  }
  return 'the file looks like a binary file (it contains NUL bytes), not text'
}

function invalidUtf8Message(body: Uint8Array, offset: number): string {
  const byte = body[offset] ?? 0
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`
  const guess = windows1252(byte)
  const reading = guess === null ? '' : ` (in Windows-1252 or Latin-1 it would be "${guess}")`
  return `the file is not valid UTF-8: byte ${hex} at offset ${formatCount(offset)}${reading}; save the file as UTF-8`
}

/** Windows-1252's characters for 0x80–0x9F (where it differs from Latin-1); '' where it has none. */
const CP1252_HIGH = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ'

/** The character a byte stands for in Windows-1252, or null for a control or unassigned byte. */
function windows1252(byte: number): string | null {
  if (byte >= 0x80 && byte <= 0x9f) {
    const char = CP1252_HIGH[byte - 0x80]
    return char === undefined || char === '\u0000' ? null : char
  }
  return byte >= 0xa0 ? String.fromCharCode(byte) : null
}

/**
 * Where strict decoding fails. The lenient decoder turns each bad sequence into U+FFFD; the first U+FFFD that
 * was not a real, correctly encoded U+FFFD (EF BF BD) marks the first bad byte.
 */
function firstInvalidByte(body: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(body)
  const encoder = new TextEncoder()
  let from = 0
  let byteOffset = 0
  for (let at = lenient.indexOf('\uFFFD'); at !== -1; at = lenient.indexOf('\uFFFD', at + 1)) {
    byteOffset += encoder.encode(lenient.slice(from, at)).length
    from = at
    if (!(body[byteOffset] === 0xef && body[byteOffset + 1] === 0xbf && body[byteOffset + 2] === 0xbd)) {
      return byteOffset
    }
  }
  return body.length - 1
}

function lineAt(body: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i += 1) {
    if (body[i] === 0x0a || (body[i] === 0x0d && body[i + 1] !== 0x0a)) line += 1
  }
  return line
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}

function sizeText(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`
  return n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`
}

import { parse, splitNumber } from 'lossless-json'
import { shortQuote } from './issues'

/**
 * JSON read without changing a value, for every importer:
 * - a number a double holds exactly is a number; one it cannot hold (`1e400`, `12345678901234567890`,
 *   `0.1000000000000000000001`) is kept as its literal text, never rounded or turned into null;
 * - an object that names a key twice with different values is refused, naming the key (the same key with the
 *   same value changes nothing and is accepted);
 * - `__proto__`, `constructor` and `prototype` are ordinary keys, stored as own properties;
 * - nesting deeper than `maxDepth` is refused before parsing, so no input can overflow the stack.
 */
export type ExactJson =
  | { ok: true; value: unknown; /** Number literals kept as text, in file order. */ inexact: string[] }
  | { ok: false; error: JsonProblem }

export interface JsonProblem {
  kind: 'syntax' | 'duplicate-key' | 'too-deep'
  message: string
  /** 0-based character offset where the problem is, when known. */
  offset: number | null
  /** The duplicated key. */
  key?: string
}

export function parseExactJson(text: string, maxDepth: number): ExactJson {
  const deep = depthProblem(text, maxDepth)
  if (deep) return { ok: false, error: deep }
  const inexact: string[] = []
  const parseNumber = (literal: string): number | string => {
    const value = exactNumber(literal)
    if (typeof value === 'string') inexact.push(value)
    return value
  }
  try {
    return { ok: true, value: parse(text, null, { parseNumber, onDuplicateKey }), inexact }
  } catch (error) {
    if (error instanceof DuplicateKey) return { ok: false, error: error.problem }
    return { ok: false, error: syntaxProblem(text, error) }
  }
}

/** A JSON number as a number when that is exact, else its literal text. */
export function exactNumber(literal: string): number | string {
  const n = Number(literal)
  if (!Number.isFinite(n)) return literal
  // Kept as a number when writing it back gives the same digits: as JSON writes it (the shortest text that
  // reads back as the same double), or as the integer the double is exactly (2^53 and other large powers).
  const exact =
    sameDecimal(literal, String(n)) || (Number.isInteger(n) && sameDecimal(literal, BigInt(n).toString()))
  return exact ? n : literal
}

function sameDecimal(a: string, b: string): boolean {
  const x = splitNumber(a)
  const y = splitNumber(b)
  return x.digits === y.digits && x.exponent === y.exponent && (x.sign === y.sign || x.digits === '0')
}

class DuplicateKey extends Error {
  constructor(readonly problem: JsonProblem) {
    super(problem.message)
  }
}

function onDuplicateKey({ key, position }: { key: string; position: number }): never {
  const message = `the key ${shortQuote(key)} appears twice in one object with different values`
  throw new DuplicateKey({ kind: 'duplicate-key', message, offset: Math.max(0, position - 1), key })
}

/**
 * The syntax error as V8 words it (the wording users and our messages already know), falling back to
 * lossless-json's own when V8 accepts the text.
 */
function syntaxProblem(text: string, error: unknown): JsonProblem {
  let message = error instanceof Error ? error.message : String(error)
  try {
    JSON.parse(text)
  } catch (native) {
    if (native instanceof Error) message = native.message
  }
  const position = /at position (\d+)/.exec(message)
  return { kind: 'syntax', message, offset: position ? Number(position[1]) : null }
}

/**
 * The first place where arrays and objects nest deeper than `maxDepth`. A scan of brackets outside strings:
 * it does not validate anything, the parser does that afterwards.
 */
export function depthProblem(text: string, maxDepth: number): JsonProblem | null {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++
      if (depth > maxDepth) {
        const message = `the value nests deeper than the limit of ${maxDepth} levels`
        return { kind: 'too-deep', message, offset: i }
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth = Math.max(0, depth - 1)
  }
  return null
}

const BACKSLASH = 0x5c
const QUOTE = 0x22
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d

/** The 1-based line and column of a character offset. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const breaks = before.match(/\r\n|\r|\n/g)?.length ?? 0
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))
  return { line: breaks + 1, column: offset - lastBreak }
}

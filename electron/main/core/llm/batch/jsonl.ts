import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'

/**
 * The lines of a JSONL download as they arrive, never the whole file as one string (an output file can be
 * 200 MB). Blank lines are skipped; each line comes with its 1-based number for error messages.
 */
export async function* jsonlLines(
  body: ReadableStream<Uint8Array> | null,
): AsyncGenerator<{ line: string; number: number }> {
  if (!body) return
  const input = Readable.fromWeb(body)
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let number = 0
  try {
    for await (const line of lines) {
      number++
      if (line.trim() !== '') yield { line, number }
    }
  } finally {
    lines.close()
    input.destroy()
  }
}

/** JSON.parse that says which line of which file was not JSON, instead of a bare SyntaxError. */
export function parseLine(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new SyntaxError(`${where} is not valid JSON: ${text.slice(0, 120)}`)
  }
}

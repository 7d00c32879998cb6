/**
 * Where a JSON.parse error is. V8 gives "at position N" for most errors, and for an unexpected token a snippet
 * of up to 10 characters either side of it instead. The snippet locates the token when it occurs once in the
 * text; otherwise the position stays unknown rather than guessed.
 */
export function jsonErrorPosition(text: string, message: string): number | null {
  const position = /at position (\d+)/.exec(message)
  if (position) return Number(position[1])
  const unexpected = /^Unexpected token '(.)', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message)
  if (!unexpected) return null
  const [, token = '', before, snippet = ''] = unexpected
  const at = text.indexOf(snippet)
  if (at === -1 || text.indexOf(snippet, at + 1) !== -1) return null
  const offset = before ? CONTEXT_CHARS : snippet.indexOf(token)
  return offset === -1 ? null : at + offset
}

/** V8's kMaxContextCharacters. */
const CONTEXT_CHARS = 10

/** The 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  return (text.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0) + 1
}

/** The parser's message on one line (V8 quotes the offending text, line breaks included). */
export function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ')
}

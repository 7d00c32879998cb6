import { parse, stringify } from 'lossless-json'
import type { ToolCall } from '../domain/conversation'

/**
 * Tool calls as plain text, the one way every screen (result detail, review, compare)
 * shows them. Arguments that are JSON are pretty-printed with every number exactly as the model wrote it
 * (lossless-json: no rounding of big or long numbers); anything else is shown exactly as it came.
 */
export interface ArgumentsText {
  text: string
  /** False when the model's argument text is not JSON: shown raw, never "fixed". */
  json: boolean
}

export function prettyArguments(text: string): ArgumentsText {
  try {
    const pretty = stringify(parse(text), undefined, 2)
    return pretty === undefined ? { text, json: false } : { text: pretty, json: true }
  } catch {
    return { text, json: false }
  }
}

/** `route_ticket` then its arguments on the following lines: what a reviewer reads and a diff compares. */
export function toolCallText(call: ToolCall): string {
  const args = prettyArguments(call.arguments)
  const shown = args.text === '' ? '(no arguments)' : args.text
  return `${call.name}${args.json ? '' : ' (arguments are not JSON)'}\n${shown}`
}

/** Every call of an answer, numbered, one block each; '' when the answer called no tool. */
export function toolCallsText(calls: readonly ToolCall[]): string {
  return calls.map((c, i) => `#${i + 1} ${toolCallText(c)}`).join('\n\n')
}

/** How much of one call's argument text a one-line summary keeps. */
const SUMMARY_ARGUMENT_CHARS = 60

/**
 * An answer's calls on one line, for a cell that shows a tool-call-only answer (no text) instead of a blank:
 * `→ route_ticket {"queue":"billing",…}`, each call after the other. Argument text is kept as the model wrote
 * it with runs of blank space folded into one, and cut (with `…`) so a long argument does not hide the next
 * call. '' when the answer called no tool.
 */
export function toolCallsSummary(calls: readonly ToolCall[]): string {
  return calls
    .map((c) => {
      const args = c.arguments.replace(/\s+/g, ' ').trim()
      const cut =
        args.length > SUMMARY_ARGUMENT_CHARS ? `${args.slice(0, SUMMARY_ARGUMENT_CHARS - 1)}…` : args
      return cut === '' ? `→ ${c.name}` : `→ ${c.name} ${cut}`
    })
    .join(' ')
}

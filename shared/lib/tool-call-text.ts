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

import type { ToolCall } from '../../../../../shared/domain/conversation'
import { isObject, type RecordFields } from './fields'

/**
 * The tool calls of an OpenAI chat message (`message.tool_calls`): each call's id, function name and its
 * arguments as the exact text the model wrote (never re-serialised, JSON or not). An answer made only of tool
 * calls is an answer, not a missing output. A malformed call is refused naming the record and the field.
 */
export function openAiToolCalls(f: RecordFields, messagePath: string): ToolCall[] {
  const path = `${messagePath}.tool_calls`
  const found = f.parsed(path)
  if (!found || found.value === null) return []
  const list = found.value
  if (!Array.isArray(list)) return f.fail(path, 'expected a list of tool calls')
  return list.map((item: unknown, i) => toolCallOf(f, `${path}.${i}`, item))
}

function toolCallOf(f: RecordFields, path: string, item: unknown): ToolCall {
  if (!isObject(item)) return f.fail(path, 'expected a tool call object')
  const fn = item.function
  if (!isObject(fn)) return f.fail(`${path}.function`, 'a tool call needs its function (name and arguments)')
  if (typeof fn.name !== 'string' || fn.name === '') {
    return f.fail(`${path}.function.name`, 'a tool call needs the name of the function it calls')
  }
  if (typeof fn.arguments !== 'string') {
    return f.fail(
      `${path}.function.arguments`,
      'expected the arguments as the text the model wrote (a string), as OpenAI logs them',
    )
  }
  const id = item.id
  if (id !== undefined && typeof id !== 'string') return f.fail(`${path}.id`, 'expected the call id as text')
  return { id: id ?? '', name: fn.name, arguments: fn.arguments }
}

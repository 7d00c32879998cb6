import { contentText, errorText, isObject, lastUserMessage, type RecordFields } from './fields'
import { isoTime, stringRecord, tokens, type RawCall } from './raw-call'
import { openAiToolCalls } from './tool-calls'

/** A Langfuse generations (observations) export, JSONL or CSV. */
export function readLangfuse(f: RecordFields): RawCall {
  const at = isoTime(f, 'startTime', 'start_time', 'timestamp')
  const metadata = f.object('metadata') ?? {}
  const toolCalls = outputToolCalls(f)
  const error = f.text('level') === 'ERROR' ? (errorText(f.get('statusMessage')) ?? 'error') : null
  return {
    externalId: f.text('id'),
    at,
    promptVersion: f.number('promptVersion', 'prompt_version'),
    model: f.text('model', 'providedModelName'),
    vars: stringRecord(metadata.variables) ?? stringRecord(f.parsed('promptVariables')?.value),
    input: inputText(f.parsed('input')?.value),
    output: answerText(f, toolCalls.length > 0, error !== null),
    toolCalls,
    error,
    inputTokens: tokens(
      f.number('usage.input', 'usageDetails.input', 'promptTokens', 'usage.promptTokens', 'inputUsage'),
    ),
    outputTokens: tokens(
      f.number(
        'usage.output',
        'usageDetails.output',
        'completionTokens',
        'usage.completionTokens',
        'outputUsage',
      ),
    ),
    costUsd: f.number('calculatedTotalCost', 'cost', 'totalCost', 'costDetails.total'),
    latencyMs: latencyMs(f, at),
    meta: { ...metadata, ...(f.has('promptName') ? { prompt_name: f.text('promptName') } : {}) },
  }
}

/** Messages array (last user message), a plain string, or { messages } as some SDKs log it. */
function inputText(input: unknown): string | null {
  if (typeof input === 'string') return input
  if (Array.isArray(input)) return lastUserMessage(input)
  if (isObject(input)) return lastUserMessage(input.messages) ?? contentText(input.content)
  return null
}

/**
 * The answer's text. A message of tool calls only has `content: null`: no text, never the text "null". A
 * message with `content: null` and no tool calls answered nothing: refused naming the line, never imported as
 * the text "null" nor as an empty answer (a failed call says so with `level: ERROR`).
 */
function answerText(f: RecordFields, hasToolCalls: boolean, failed: boolean): string | null {
  const output = f.parsed('output')
  if (hasToolCalls) return toolCallText(output?.value)
  if (output && !failed && isObject(output.value) && outputMessage(output.value).content === null) {
    f.fail(
      output.path,
      'the answer has "content": null and no tool calls, so the log holds no answer to import ' +
        '(a failed call is logged with "level": "ERROR")',
    )
  }
  return outputText(output?.value)
}

/** A string, { content }, a message { role, content }, or a chat completion's first choice. */
function outputText(output: unknown): string | null {
  if (output === null || output === undefined) return null
  if (typeof output === 'string') return output
  if (!isObject(output)) return JSON.stringify(output)
  if ('content' in output) {
    return output.content === null ? null : (contentText(output.content) ?? JSON.stringify(output.content))
  }
  if (isObject(output.message)) return contentText(output.message.content)
  const choices = output.choices
  if (Array.isArray(choices) && isObject(choices[0]) && isObject(choices[0].message)) {
    return contentText(choices[0].message.content)
  }
  return JSON.stringify(output)
}

/** An OpenAI-shaped output message (itself, under `message`, or a completion's first choice) with tool calls. */
function outputToolCalls(f: RecordFields) {
  for (const path of ['output', 'output.message', 'output.choices.0.message']) {
    const calls = openAiToolCalls(f, path)
    if (calls.length > 0) return calls
  }
  return []
}

/** The text beside the tool calls, if the message has any. */
function toolCallText(output: unknown): string | null {
  return isObject(output) ? contentText(outputMessage(output).content) : null
}

/** The output's message: under `message`, a completion's first choice, or the output itself. */
function outputMessage(output: Record<string, unknown>): Record<string, unknown> {
  if (isObject(output.message)) return output.message
  const choices = output.choices
  if (Array.isArray(choices) && isObject(choices[0]) && isObject(choices[0].message))
    return choices[0].message
  return output
}

/** `latency` is in seconds in Langfuse exports; without it, end minus start. */
function latencyMs(f: RecordFields, start: string | null): number | null {
  const seconds = f.number('latency')
  if (seconds !== null) return seconds * 1000
  const end = isoTime(f, 'endTime', 'end_time')
  if (start === null || end === null) return null
  return Math.max(0, Date.parse(end) - Date.parse(start))
}

import { contentText, errorText, isObject, lastUserMessage, type RecordFields } from './fields'
import { isoTime, stringRecord, tokens, type RawCall } from './raw-call'
import { openAiToolCalls } from './tool-calls'

/** A Langfuse generations (observations) export, JSONL or CSV. */
export function readLangfuse(f: RecordFields): RawCall {
  const at = isoTime(f, 'startTime', 'start_time', 'timestamp')
  const metadata = f.object('metadata') ?? {}
  const toolCalls = outputToolCalls(f)
  return {
    externalId: f.text('id'),
    at,
    promptVersion: f.number('promptVersion', 'prompt_version'),
    model: f.text('model', 'providedModelName'),
    vars: stringRecord(metadata.variables) ?? stringRecord(f.parsed('promptVariables')?.value),
    input: inputText(f.parsed('input')?.value),
    // A message of tool calls only has `content: null`: no text, never the text "null".
    output:
      toolCalls.length > 0 ? toolCallText(f.parsed('output')?.value) : outputText(f.parsed('output')?.value),
    toolCalls,
    error: f.text('level') === 'ERROR' ? (errorText(f.get('statusMessage')) ?? 'error') : null,
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

/** A string, { content }, a message { role, content }, or a chat completion's first choice. */
function outputText(output: unknown): string | null {
  if (output === null || output === undefined) return null
  if (typeof output === 'string') return output
  if (!isObject(output)) return JSON.stringify(output)
  if ('content' in output) return contentText(output.content) ?? JSON.stringify(output.content)
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
  if (!isObject(output)) return null
  const message = isObject(output.message)
    ? output.message
    : Array.isArray(output.choices) && isObject(output.choices[0]) && isObject(output.choices[0].message)
      ? output.choices[0].message
      : output
  return contentText(message.content)
}

/** `latency` is in seconds in Langfuse exports; without it, end minus start. */
function latencyMs(f: RecordFields, start: string | null): number | null {
  const seconds = f.number('latency')
  if (seconds !== null) return seconds * 1000
  const end = isoTime(f, 'endTime', 'end_time')
  if (start === null || end === null) return null
  return Math.max(0, Date.parse(end) - Date.parse(start))
}

import { contentText, errorText, isObject, lastUserMessage, type Json, type RecordFields } from './fields'
import { isoTime, tokens, type RawCall } from './raw-call'
import { openAiToolCalls } from './tool-calls'

/** A Helicone requests export (JSONL or CSV); request and response bodies may be JSON strings. */
export function readHelicone(f: RecordFields): RawCall {
  const status = f.number('status', 'response_status')
  return {
    externalId: f.text('request_id', 'id'),
    at: isoTime(f, 'created_at', 'request_created_at', 'createdAt'),
    promptVersion: null,
    model: f.text('model', 'request_model', 'request_body.model', 'response_body.model'),
    vars: null,
    input: lastUserMessage(f.get('request_body.messages')) ?? f.text('request_body.prompt'),
    output: outputText(f),
    toolCalls: openAiToolCalls(f, 'response_body.choices.0.message'),
    error:
      errorText(f.get('response_body.error')) ??
      (status !== null && status >= 400 ? `HTTP status ${status}` : null),
    inputTokens: tokens(f.number('prompt_tokens', 'response_body.usage.prompt_tokens')),
    outputTokens: tokens(f.number('completion_tokens', 'response_body.usage.completion_tokens')),
    costUsd: f.number('cost_usd', 'cost'),
    latencyMs: f.number('latency', 'delay_ms', 'latency_ms'),
    meta: properties(f.object('properties', 'request_properties') ?? {}),
  }
}

/** OpenAI-shaped and Anthropic-shaped (content blocks) response bodies. */
function outputText(f: RecordFields): string | null {
  const openai = f.text('response_body.choices.0.message.content')
  if (openai !== null) return openai
  const body = f.get('response_body')
  if (isObject(body) && Array.isArray(body.content)) return contentText(body.content)
  return f.text('response_text', 'response')
}

/** "Helicone-Property-Prompt-Version" → "prompt_version": the same keys as other logs' metadata. */
function properties(raw: Json): Json {
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [
      key
        .replace(/^helicone-property-/i, '')
        .replace(/[-\s]+/g, '_')
        .toLowerCase(),
      value,
    ]),
  )
}

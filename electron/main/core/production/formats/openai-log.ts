import { errorText, lastUserMessage, type RecordFields } from './fields'
import { isoTime, tokens, type RawCall } from './raw-call'
import { openAiToolCalls } from './tool-calls'

/**
 * An OpenAI-style request log: { request, response } with the chat request and the chat.completion, also
 * wrapped as { request: { body }, response: { body } }, and OpenAI Batch output lines { custom_id, response }.
 */
export function readOpenAiLog(f: RecordFields): RawCall {
  const req = f.has('request.body') ? 'request.body' : 'request'
  const res = f.has('response.body') ? 'response.body' : 'response'
  return {
    externalId: f.text('id', 'custom_id', `${res}.id`),
    at: isoTime(f, 'created_at', 'timestamp', 'createdAt', `${res}.created`),
    promptVersion: null,
    model: f.text(`${req}.model`, `${res}.model`, 'model'),
    vars: null,
    input: lastUserMessage(f.parsed(`${req}.messages`)?.value),
    output: f.text(`${res}.choices.0.message.content`, `${res}.output_text`),
    toolCalls: openAiToolCalls(f, `${res}.choices.0.message`),
    error: errorText(f.get('error') ?? f.get(`${res}.error`)),
    inputTokens: tokens(f.number(`${res}.usage.prompt_tokens`, `${res}.usage.input_tokens`)),
    outputTokens: tokens(f.number(`${res}.usage.completion_tokens`, `${res}.usage.output_tokens`)),
    costUsd: f.number('cost_usd', 'cost'),
    latencyMs: f.number('latency_ms', 'duration_ms', 'latencyMs'),
    meta: f.object('metadata', `${req}.metadata`) ?? {},
  }
}

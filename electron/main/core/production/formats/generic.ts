import type { RecordFields } from './fields'
import { isoTime, stringRecord, tokens, type RawCall } from './raw-call'

/** Columns with a meaning; every other scalar column becomes a tag "name:value". */
const known = new Set([
  'id',
  'external_id',
  'input',
  'prompt',
  'output',
  'completion',
  'response',
  'model',
  'timestamp',
  'created_at',
  'version',
  'prompt_version',
  'error',
  'input_tokens',
  'output_tokens',
  'cost_usd',
  'cost',
  'latency_ms',
  'variables',
  'vars',
])

/** A flat CSV or JSONL with input/output columns (and optional model, timestamp, version, tokens, cost). */
export function readGeneric(f: RecordFields): RawCall {
  const extra = Object.entries(f.record.fields).filter(([key]) => !known.has(key))
  return {
    externalId: f.text('id', 'external_id'),
    at: isoTime(f, 'timestamp', 'created_at'),
    promptVersion: null,
    model: f.text('model'),
    vars: stringRecord(f.parsed('variables', 'vars')?.value),
    input: f.text('input', 'prompt'),
    output: f.text('output', 'completion', 'response'),
    toolCalls: [],
    error: f.text('error'),
    inputTokens: tokens(f.number('input_tokens')),
    outputTokens: tokens(f.number('output_tokens')),
    costUsd: f.number('cost_usd', 'cost'),
    latencyMs: f.number('latency_ms'),
    meta: {
      ...Object.fromEntries(extra),
      ...(f.has('version') ? { prompt_version: f.get('version') } : {}),
      ...(f.has('prompt_version') ? { prompt_version: f.get('prompt_version') } : {}),
    },
  }
}

import { canonicalJson } from '../../../../../shared/lib/canonical-json'
import type { ExportLayout } from './layout'
import type { ExportRecord } from './records'

/**
 * One result's values in the export's column order, shared by CSV (one cell each) and JSONL (grouped).
 * Null means "no value" — an unknown cost is null, never 0; a variable the case does not have is null;
 * an empty output is ''.
 */
export type Cell = string | number | boolean | null

export const CASE_COLUMNS = ['case_key'] as const
export const RESULT_COLUMNS = [
  'prompt',
  'prompt_version',
  'prompt_version_id',
  'prompt_hash',
  'provider',
  'model',
  'repeat',
  'output',
  'tool_calls',
  'finish_reason',
] as const
export const CALL_COLUMNS = [
  'input_tokens',
  'output_tokens',
  'cached_tokens',
  'cost_usd',
  'latency_ms',
  'ttft_ms',
  'attempts',
  'cached',
  'batch',
  'error_kind',
  'error',
] as const

export function headerOf(layout: ExportLayout): string[] {
  return [
    ...CASE_COLUMNS,
    ...layout.vars.map((n) => `vars.${n}`),
    ...layout.expected.map((e) => `${e.json ? 'expected_json.' : 'expected.'}${e.name}`),
    ...(layout.conversation ? ['conversation'] : []),
    ...(layout.toolResults ? ['tool_results'] : []),
    'expected_output',
    layout.tagsJson ? 'tags_json' : 'tags',
    'notes',
    ...RESULT_COLUMNS,
    ...layout.metrics.map((m) => `score.${m.metric}`),
    ...CALL_COLUMNS,
  ]
}

export function cellsOf(layout: ExportLayout, { row, scores }: ExportRecord): Cell[] {
  const c = row.case
  const has = (o: Record<string, unknown> | undefined, name: string) =>
    o !== undefined && Object.hasOwn(o, name)
  return [
    c?.key ?? row.caseId,
    ...layout.vars.map((n) => (c && has(c.vars, n) ? (c.vars[n] ?? null) : null)),
    ...layout.expected.map(({ name, json }) => {
      if (!c || !has(c.expected, name)) return null
      const value = c.expected[name]
      return json ? canonicalJson(value ?? null) : String(value)
    }),
    // As the dataset CSV writes them: the JSON text, an empty cell for a case without one.
    ...(layout.conversation ? [jsonCell(c?.conversation)] : []),
    ...(layout.toolResults ? [jsonCell(c?.toolResults)] : []),
    c?.expectedOutput ?? null,
    c ? (layout.tagsJson ? JSON.stringify(c.tags) : c.tags.join('|')) : null,
    c?.notes ?? null,
    row.promptName,
    row.versionNumber,
    row.promptVersionId,
    row.promptHash,
    row.provider,
    row.modelId,
    row.repeat,
    row.responseText,
    toolCallsCell(row.toolCalls),
    row.finishReason,
    ...layout.metrics.map((m) => scores.get(m.metric)?.value ?? null),
    row.inputTokens,
    row.outputTokens,
    row.cachedTokens,
    row.costUsd,
    row.totalMs,
    row.ttftMs,
    row.attempts,
    row.cached,
    row.batch,
    row.errorKind,
    row.errorMessage,
  ]
}

const jsonCell = (value: unknown): string | null => (value === undefined ? null : canonicalJson(value))

/**
 * The answer's tool calls as one JSON list (`[]` when it called none): each call's id, name and its
 * arguments as the exact text the model wrote, so a spreadsheet shows them and a script reads them back.
 */
function toolCallsCell(calls: ExportRecord['row']['toolCalls']): string {
  return canonicalJson(calls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })))
}

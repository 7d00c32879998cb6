import { canonicalJson } from '../../../../../shared/lib/canonical-json'
import type { ExportLayout } from './layout'
import type { ExportRecord } from './records'

/**
 * JSON Lines: one object per result. The case comes first in the dataset export's own shape
 * (`key, vars, expected, expectedOutput, tags, notes`, then `messages` and `tool_results` on a conversation
 * case), so the file imports back as a dataset; everything about the result sits under `result`, which the
 * dataset importer ignores. Unknown values are null (never 0).
 */
export function* resultJsonlLines(layout: ExportLayout, records: Iterable<ExportRecord>): Generator<string> {
  for (const record of records) yield `${lineOf(layout, record)}\n`
}

function lineOf(layout: ExportLayout, { row, scores }: ExportRecord): string {
  const c = row.case
  const result = {
    prompt: {
      id: row.promptId,
      name: row.promptName,
      version: row.versionNumber,
      versionId: row.promptVersionId,
      hash: row.promptHash,
    },
    provider: row.provider,
    model: row.modelId,
    repeat: row.repeat,
    output: row.responseText,
    // Arguments as the exact text the model wrote (it may not be JSON); steps null for a single call.
    toolCalls: row.toolCalls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })),
    steps: row.steps,
    finishReason: row.finishReason,
    // Built from entries: a metric named `__proto__` stays an ordinary key.
    scores: Object.fromEntries(
      layout.metrics.map(({ metric }) => {
        const s = scores.get(metric)
        return [
          metric,
          s ? { value: s.value, raw: s.raw, passed: passedOf(s.passed), reason: s.reason } : null,
        ]
      }),
    ),
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    cachedTokens: row.cachedTokens,
    costUsd: row.costUsd,
    latencyMs: row.totalMs,
    ttftMs: row.ttftMs,
    attempts: row.attempts,
    cached: row.cached,
    batch: row.batch,
    error: row.errorKind === null ? null : { kind: row.errorKind, message: row.errorMessage ?? '' },
  }
  return (
    `{"key":${JSON.stringify(c?.key ?? row.caseId)},"vars":${canonicalJson(c?.vars ?? {})},` +
    `"expected":${canonicalJson(c?.expected ?? {})},"expectedOutput":${JSON.stringify(c?.expectedOutput ?? null)},` +
    `"tags":${JSON.stringify(c?.tags ?? [])},"notes":${JSON.stringify(c?.notes ?? '')},` +
    conversationFields(c) +
    `"result":${JSON.stringify(result)}}`
  )
}

/** As the dataset JSONL export writes them (`messages`, `tool_results`), only on a case that has them. */
function conversationFields(c: ExportRecord['row']['case']): string {
  const turns = c?.conversation === undefined ? '' : `"messages":${canonicalJson(c.conversation)},`
  const results = c?.toolResults === undefined ? '' : `"tool_results":${canonicalJson(c.toolResults)},`
  return turns + results
}

const passedOf = (passed: number | null): boolean | null => (passed === null ? null : passed === 1)

import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { exportRunResults } from '../../../../../electron/main/core/runs/export'
import type { ToolCall, ToolStep } from '../../../../../shared/domain/conversation'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { demoWithBaseline, openContext, type DbContext } from '../../bundles/import-helpers'

const newHome = useTempHomes()

// A non-JSON argument that a spreadsheet would run as a formula if it stood alone in a cell.
const calls: ToolCall[] = [
  { id: 'call_a', name: 'route_ticket', arguments: '{"queue":"billing","priority":2}' },
  { id: 'call_b', name: 'escalate', arguments: '=HYPERLINK("http://x.test")' },
]
const step: ToolStep = {
  step: 0,
  messages: [{ role: 'user', content: 'Refund please' }],
  text: '',
  toolCalls: calls,
  toolResults: [],
  finishReason: 'tool_calls',
  inputTokens: 40,
  outputTokens: 12,
  cachedTokens: 0,
  costUsd: null,
  ttftMs: null,
  totalMs: 95,
}

/** The baseline run, with its first result (by case id) given two tool calls and a one-step loop. */
function runWithCalls(ctx: DbContext, promptId: string): { runId: string; caseId: string } {
  const [baseline] = ctx.repos.baselines.forPrompt(promptId)
  if (!baseline) throw new Error('no baseline')
  const row = ctx.db
    .prepare<[string], { caseId: string; promptVersionId: string; provider: string; modelId: string }>(
      `SELECT case_id AS caseId, prompt_version_id AS promptVersionId, provider, model_id AS modelId
         FROM run_results WHERE run_id = ? ORDER BY case_id LIMIT 1`,
    )
    .get(baseline.runId)
  if (!row) throw new Error('no result')
  ctx.db
    .prepare(
      `UPDATE run_results SET tool_calls = ?, steps = ?
        WHERE run_id = ? AND case_id = ? AND prompt_version_id = ? AND provider = ? AND model_id = ?`,
    )
    .run(
      JSON.stringify(calls),
      JSON.stringify([step]),
      baseline.runId,
      row.caseId,
      row.promptVersionId,
      row.provider,
      row.modelId,
    )
  return { runId: baseline.runId, caseId: row.caseId }
}

describe('the results export with tool calls', () => {
  it('CSV has a tool_calls column: the calls as JSON (arguments as exact text), [] when none', async () => {
    const home = newHome()
    const promptId = await demoWithBaseline(home)
    const { ctx, close } = openContext(home)
    const { runId } = runWithCalls(ctx, promptId)
    const csv = exportRunResults(ctx, { runId, format: 'csv' })
    const rows = parse<Record<string, string>>(csv.content, { bom: true, columns: true })
    const withCalls = rows.filter((r) => r.tool_calls !== '[]')
    expect(withCalls).toHaveLength(1)
    expect(JSON.parse(withCalls[0]?.tool_calls ?? '')).toEqual(calls)
    expect(rows.every((r) => r.tool_calls?.startsWith('['))).toBe(true)
    expect(Object.keys(rows[0] ?? {}).indexOf('tool_calls')).toBe(
      Object.keys(rows[0] ?? {}).indexOf('output') + 1,
    )

    const jsonl = exportRunResults(ctx, { runId, format: 'jsonl' })
    const lines = jsonl.content
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { result: { toolCalls: ToolCall[]; steps: ToolStep[] | null } })
    const called = lines.filter((l) => l.result.toolCalls.length > 0)
    expect(called).toHaveLength(1)
    expect(called[0]?.result).toMatchObject({ toolCalls: calls, steps: [step] })
    expect(lines.filter((l) => l.result.steps === null)).toHaveLength(lines.length - 1)
    // Exporting again writes the same bytes.
    expect(exportRunResults(ctx, { runId, format: 'csv' }).content).toBe(csv.content)
    close()
  }, 120_000)
})

import { describe, expect, it } from 'vitest'
import { buildBundle } from '../../../../electron/main/core/bundles/build'
import { bundlePaths, type BundleFiles, type BundlePath } from '../../../../electron/main/core/bundles/format'
import { importBundle } from '../../../../electron/main/core/bundles/import'
import { verifyBundle } from '../../../../electron/main/core/bundles/verify'
import { canonicalJson } from '../../../../shared/lib/canonical-json'
import type { ToolCall, ToolStep } from '../../../../shared/domain/conversation'
import { useTempHomes } from '../../../fixtures/temp-home'
import { demoWithBaseline, openContext, type DbContext } from './import-helpers'

const newHome = useTempHomes()

// Arguments kept as exact text: key order, spacing, a number a double cannot hold, and one that is not JSON.
const calls: ToolCall[] = [
  { id: 'call_1', name: 'route_ticket', arguments: '{"queue":"billing", "priority":12345678901234567890}' },
  { id: 'call_2', name: 'lookup_order', arguments: 'order 7 please' },
]
const step = (n: number, toolCalls: ToolCall[]): ToolStep => ({
  step: n,
  messages: [{ role: 'user', content: 'Where is my refund?' }],
  text: n === 0 ? '' : 'Routed.',
  toolCalls,
  toolResults: toolCalls.map((c) => ({ toolCallId: c.id, name: c.name, content: '{"ok":true}' })),
  finishReason: n === 0 ? 'tool_calls' : 'stop',
  inputTokens: 100 + n,
  outputTokens: 10 + n,
  cachedTokens: 0,
  costUsd: n === 0 ? 0.0012 : null,
  ttftMs: 80,
  totalMs: 210.5,
})

/** Gives the baseline's first result (by case key) tool calls and a two-step loop, as the runner stores them. */
function seedToolCalls(ctx: DbContext, promptId: string): string {
  const [baseline] = ctx.repos.baselines.forPrompt(promptId)
  if (!baseline) throw new Error('no baseline')
  const row = ctx.db
    .prepare<[string, string], { caseId: string }>(
      `SELECT case_id AS caseId FROM run_results WHERE run_id = ? AND model_id = ? ORDER BY case_id LIMIT 1`,
    )
    .get(baseline.runId, baseline.slice.modelId)
  if (!row) throw new Error('no result')
  const steps = [step(0, calls), step(1, [])]
  ctx.db
    .prepare(`UPDATE run_results SET tool_calls = ?, steps = ? WHERE run_id = ? AND case_id = ?`)
    .run(JSON.stringify(calls), JSON.stringify(steps), baseline.runId, row.caseId)
  return row.caseId
}

const resultLines = (files: BundleFiles): Record<string, unknown>[] =>
  (files.get(bundlePaths.results) ?? '')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

async function exportedWithCalls(): Promise<BundleFiles> {
  const home = newHome()
  const promptId = await demoWithBaseline(home)
  const { ctx, close } = openContext(home)
  seedToolCalls(ctx, promptId)
  const { files } = buildBundle(ctx, promptId)
  close()
  return files
}

describe('tool calls in a baseline folder', () => {
  it('results.jsonl carries tool calls and steps; export → import → export is byte-identical', async () => {
    const files = await exportedWithCalls()
    const withCalls = resultLines(files).filter((l) => 'toolCalls' in l)
    expect(withCalls).toHaveLength(1)
    expect(withCalls[0]).toMatchObject({ toolCalls: calls, steps: [{ step: 0 }, { step: 1 }] })
    // Every other line is exactly as before tool calls existed: no empty list, no null steps.
    expect(resultLines(files).filter((l) => 'steps' in l)).toHaveLength(1)
    expect(verifyBundle('folder', files, []).problems).toEqual([])

    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    const report = await importBundle(ctx, files)
    const stored = ctx.repos.runResults.page(report.runId, {}, 0, 1000).filter((r) => r.toolCalls.length > 0)
    expect(stored).toHaveLength(1)
    expect(stored[0]?.toolCalls).toEqual(calls)
    expect(stored[0]?.steps?.map((s) => s.costUsd)).toEqual([0.0012, null])
    expect(Object.fromEntries(buildBundle(ctx, report.promptId).files)).toEqual(Object.fromEntries(files))
    close()
  }, 120_000)

  it('an older folder whose results have no tool calls imports them as results with none', async () => {
    const files = await exportedWithCalls()
    // As a folder written before tool calls existed: lines without the two keys.
    const old = resultLines(files)
      .map(({ toolCalls: _calls, steps: _steps, ...rest }) => `${canonicalJson(rest)}\n`)
      .join('')
    expect(old).not.toMatch(/toolCalls|steps/)
    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    const report = await importBundle(ctx, rehashed(files, old))
    const results = ctx.repos.runResults.page(report.runId, {}, 0, 1000)
    expect(results.length).toBeGreaterThan(0)
    expect(results.every((r) => r.toolCalls.length === 0 && r.steps === null)).toBe(true)
    close()
  }, 120_000)

  it('refuses a tool call without its arguments, naming the file, line and field', async () => {
    const files = await exportedWithCalls()
    const text = (files.get(bundlePaths.results) ?? '').replace(',"name":"lookup_order"', '')
    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    await expect(importBundle(ctx, rehashed(files, text))).rejects.toThrow(
      /^baseline\/results\.jsonl: line \d+: steps\.0\.toolCalls\.1\.name: /,
    )
    close()
  }, 120_000)
})

/** The folder with another results.jsonl: import checks bytes against baseline.json only for the dataset. */
function rehashed(files: BundleFiles, results: string): BundleFiles {
  return new Map<BundlePath, string>(files).set(bundlePaths.results, results)
}

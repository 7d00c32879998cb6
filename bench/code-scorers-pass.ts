/**
 * The real scoring pass over a big run (tests/fixtures/big-run.ts, written straight into a demo workspace:
 * no model is called) with five code scorers replacing the prompt's suite: `runs.score` through dispatch,
 * timed from the call to its summary. Each call runs in the pass's worker sandbox, in a fresh runtime.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openCore, type Core } from '../electron/main/core'
import type { Scorer } from '../shared/domain/scoring'
import { bigRunModels, openContext, seedBigRun } from '../tests/fixtures/big-run'

const REPEATS = 2
const PER_CASE = 2 * bigRunModels.length * REPEATS

/** Five business rules of the kind teams write: JSON shape, a field, vars, expected, metadata. */
const sources: Record<string, string> = {
  'code.answered': '(output) => output !== null && output.trim().length > 0',
  'code.json_category': `(output) => {
    if (output === null) return { pass: false, reason: 'no output' }
    const answer = JSON.parse(output)
    return { pass: typeof answer.category === 'string', reason: 'category ' + answer.category }
  }`,
  'code.vars_used': `(output, { vars }) => ({
    score: output !== null && Object.keys(vars).length > 0 ? 1 : 0,
    reason: Object.keys(vars).length + ' vars',
  })`,
  'code.expected': `function score(output, { expected }) {
    const want = expected && typeof expected === 'object' ? Object.values(expected).find((v) => typeof v === 'string') : undefined
    if (output === null) return false
    return want === undefined ? 1 : output.toLowerCase().includes(String(want).toLowerCase()) ? 1 : 0.5
  }`,
  'code.metadata': `(output, { metadata }) => ({
    pass: /billing|shipping|account/.test(output ?? '') && metadata.provider.length > 0,
    reason: metadata.caseKey + ' on ' + metadata.provider + '/' + metadata.model,
  })`,
}

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

function countReasons(reasons: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const reason of reasons) counts[reason] = (counts[reason] ?? 0) + 1
  return counts
}

export interface PassFigures {
  results: number
  scorers: number
  calls: number
  passMs: number
  passCallsPerSecond: number
  scoringErrors: number
  /** Why the scoring errors happened (a time limit hit on a busy machine shows here), by reason. */
  errorReasons: Record<string, number>
}

export async function runScoringPassBench(results = 10_000): Promise<PassFigures> {
  const home = mkdtempSync(join(tmpdir(), 'evallab-code-bench-'))
  const core = openCore({ home, user: 'bench' })
  const ctx = openContext(home)
  try {
    const run = await seedBigRun(core, ctx, { cases: Math.ceil(results / PER_CASE), repeats: REPEATS })
    const scorers: Scorer[] = Object.entries(sources).map(([metric, source]) => ({
      metric,
      label: metric,
      config: { kind: 'code', source, timeLimitMs: 250, memoryLimitMb: 16 },
    }))
    await call(core, 'suites.save', {
      promptId: run.promptId,
      suite: { scorers, gates: [] },
      message: 'Five code scorers (bench)',
    })
    const count = ctx.repos.runResults.count(run.runId, {})
    const start = performance.now()
    await call(core, 'runs.score', { runId: run.runId })
    const passMs = Math.round(performance.now() - start)
    const stored = Object.keys(sources).flatMap((metric) => ctx.repos.runScores.list(run.runId, { metric }))
    const calls = stored.length
    if (calls !== count * scorers.length)
      throw new Error(`expected ${count * scorers.length} scores, got ${calls}`)
    return {
      results: count,
      scorers: scorers.length,
      calls,
      passMs,
      passCallsPerSecond: Math.round(calls / (passMs / 1000)),
      scoringErrors: stored.filter((s) => s.value === null).length,
      errorReasons: countReasons(stored.filter((s) => s.value === null).map((s) => s.reason)),
    }
  } finally {
    ctx.db.close()
    core.close()
    rmSync(home, { recursive: true, force: true })
  }
}

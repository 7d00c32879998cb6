import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Scorer } from '../../../shared/domain/scoring'
import { useMockLlmServer } from '../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../fixtures/temp-home'
import { buildSignedBaseline, triageResponder } from './cli-helpers'
import { described, spawnEvallab } from './spawn-bin'

const newHome = useTempHomes()
const startServer = useMockLlmServer()

/** A business rule in code: the answer parses and names the expected category (a parse error is a fail). */
const categoryScorer: Scorer = {
  metric: 'code.category',
  label: 'Category (code)',
  config: {
    kind: 'code',
    source: `(output, { vars, expected }) => {
      let answer
      try { answer = JSON.parse(output) } catch { return { pass: false, reason: 'not JSON: ' + vars.text } }
      return { pass: answer.category === expected.category, reason: answer.category }
    }`,
    timeLimitMs: 250,
    memoryLimitMb: 16,
  },
}

describe('evallab gate and run score the bundle’s code scorers as the app does (spawned built CLI and worker)', () => {
  it('gates.json carries the code scorer; min_score on it passes the good model and fails the bad one', async () => {
    const server = await startServer({ responder: triageResponder })
    const dir = newHome()
    const { folder } = await buildSignedBaseline(newHome(), server.openaiBaseUrl, join(dir, 'evals'), {
      extraScorers: [categoryScorer],
      gates: [{ kind: 'min_score', metric: 'code.category', min: 0.99 }],
    })
    const gates = readFileSync(join(folder, 'gates.json'), 'utf8')
    expect(gates).toContain('"kind": "code"')
    expect(gates).toContain('JSON.parse(output)')

    const env = { OPENAI_API_KEY: 'test' }
    const provider = ['--provider', `openai=${server.openaiBaseUrl}`]
    const good = await spawnEvallab(['gate', folder, ...provider, '--summary', join(dir, 'good.md')], env)
    expect(good.code, described(good)).toBe(0)
    expect(good.stdout).toMatch(/Gate PASS/)
    expect(readFileSync(join(dir, 'good.md'), 'utf8')).toMatch(/code\.category[^\n]*100/)

    // triage-bad answers broken JSON for one ticket in four: the app's scorer gives 30/40 = 75 %.
    const summary = join(dir, 'bad.md')
    const bad = await spawnEvallab(
      ['gate', folder, '--model', 'openai/triage-bad', ...provider, '--summary', summary],
      env,
    )
    expect(bad.code, described(bad)).toBe(1)
    const md = readFileSync(summary, 'utf8')
    expect(md).toMatch(/\| code\.category [^|]*\| — \| 75 % \|[^\n]*fail/)
    // The failing cases are exactly the broken answers, each with the scorer's own reason (listed in the
    // order the results were stored, which concurrent calls make vary: compared as a set).
    const failing = [...md.matchAll(/\| (tkt-\d+) \| not JSON: ticket (\d+): a \w+ problem \|/g)]
    expect(failing.map((m) => m[1]).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `tkt-${String(4 * i + 1).padStart(3, '0')}`),
    )

    // evallab run on the same folder scores with the same built worker: the summary lists the metric.
    const runSummary = join(dir, 'run.md')
    const run = await spawnEvallab(
      ['run', folder, '--model', 'openai/triage-bad', ...provider, '--summary', runSummary],
      env,
    )
    expect(run.code, described(run)).toBe(0)
    expect(readFileSync(runSummary, 'utf8')).toMatch(/code\.category[^\n]*75/)
  }, 120_000)
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MethodOutput } from '../../../../../shared/contract'
import type { RunResultRow } from '../../../../../shared/domain/runs'
import type { EvalSuite } from '../../../../../shared/domain/scoring'
import { demoWithBaseline, type BaselineWorkspace } from '../../bundles/baseline-fixture'
import { call, failure } from '../../core-calls'

type Tried = MethodOutput<'suites.tryCodeScorer'>

let w: BaselineWorkspace
let first: RunResultRow

beforeAll(async () => {
  w = await demoWithBaseline()
  const page = await call<{ results: RunResultRow[] }>(w.core, 'runs.results', { runId: w.runId, limit: 1 })
  const row = page.results[0]
  if (!row) throw new Error('the demo run has no result')
  first = row
}, 60_000)
afterAll(() => w.cleanup())

const keyOf = (r: RunResultRow) => ({
  caseId: r.caseId,
  promptVersionId: r.promptVersionId,
  provider: r.provider,
  modelId: r.modelId,
  repeat: r.repeat,
})

const tryScorer = (source: string) =>
  call<Tried>(w.core, 'suites.tryCodeScorer', {
    source,
    timeLimitMs: 250,
    memoryLimitMb: 16,
    runId: w.runId,
    result: keyOf(first),
  })

describe('suites.tryCodeScorer', () => {
  it('runs the scorer on the stored result and returns the input it saw', async () => {
    const tried = await tryScorer(`(output, { vars, expected, metadata }) => ({
      score: 0.5, pass: Object.keys(vars).length > 0, reason: 'case ' + metadata.caseKey + ' ' + typeof expected })`)
    expect(tried.outcome).toEqual({
      value: 0.5,
      raw: 0.5,
      passed: true,
      reason: `case ${first.caseKey} object`,
    })
    expect(tried.input).toMatchObject({
      output: first.responseText,
      context: { metadata: { caseKey: first.caseKey, provider: first.provider, model: first.modelId } },
    })
  })

  it('returns a scorer that cannot score as an outcome with its error kind, not as a failed call', async () => {
    const looping = await tryScorer('() => { while (true) {} }')
    expect(looping.outcome).toMatchObject({ value: null, passed: null, error: 'timeout' })
    expect(looping.outcome.reason).toContain('250 ms time limit')
    const broken = await tryScorer('(output) => {\n  return output.length >\n}')
    expect(broken.outcome).toMatchObject({ value: null, error: 'syntax' })
    expect(broken.outcome.reason).toContain('line 3')
  })

  it('names a result the run does not have', async () => {
    const error = await failure(w.core, 'suites.tryCodeScorer', {
      source: '() => true',
      timeLimitMs: 250,
      memoryLimitMb: 16,
      runId: w.runId,
      result: { ...keyOf(first), repeat: 7 },
    })
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toContain('repeat 7')
  })
})

describe('saving a suite with a code scorer', () => {
  const suiteWith = (source: string) => ({
    scorers: [{ metric: 'code.check', label: 'Check', config: { kind: 'code', source } }],
    gates: [],
  })

  it('refuses a scorer with a syntax error, naming the line', async () => {
    const error = await failure(w.core, 'suites.save', {
      promptId: w.prompt.prompt.id,
      suite: suiteWith('function score(output) {\n  const x = ;\n}'),
      message: 'A broken scorer',
    })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain('scorers.0.config.source')
    expect(error.message).toContain('line 2')
  })

  it('refuses source that is not a function, and saves one that is', async () => {
    const error = await failure(w.core, 'suites.save', {
      promptId: w.prompt.prompt.id,
      suite: suiteWith('42'),
      message: 'Not a function',
    })
    expect(error.message).toContain('must evaluate to a function')
    const saved = await call<EvalSuite>(w.core, 'suites.save', {
      promptId: w.prompt.prompt.id,
      suite: suiteWith('function score(output, { vars }) { return vars.missing.field }'),
      message: 'A scorer that throws on some inputs still saves',
    })
    expect(saved.scorers.map((s) => s.metric)).toEqual(['code.check'])
  })
})

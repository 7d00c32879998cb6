import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../../../electron/main/core/db/migrations'
import { createRepos, type Repos } from '../../../../electron/main/core/db/repos'
import type { StoredScore } from '../../../../electron/main/core/db/repos/run-scores'
import type { RunResult } from '../../../../shared/domain/runs'
import { resultKey, type ResultKey } from '../../../../shared/lib/model-identity'

const model = 'gpt-4o-2024-08-06'
// OpenAI itself and a hosted gateway serving the same model id.
const providers = ['openai', 'my-gateway'] as const

function repos(): Repos {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations, () => 't')
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't');
    INSERT INTO dataset_snapshots (id, dataset_id, number, message, created_at, created_by, case_count, content_hash)
      VALUES ('s', 'd', 1, 'm', 't', 'a', 0, 'h');
    INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r', 'Run', 'running', '{}', 's', '[]', 't', 'a', '{}');
  `)
  return createRepos(db)
}

const key = (provider: string, caseId = 'c1'): ResultKey => ({
  caseId,
  promptVersionId: 'pv',
  provider,
  modelId: model,
  repeat: 0,
})

const result = (k: ResultKey, text: string): RunResult => ({
  ...k,
  runId: 'r',
  promptHash: 'h',
  toolCalls: [],
  steps: null,
  batch: false,
  params: {},
  request: { messages: [], params: {} },
  responseText: text,
  finishReason: 'stop',
  inputTokens: 1,
  outputTokens: 1,
  cachedTokens: 0,
  costUsd: 0.001,
  ttftMs: 1,
  totalMs: 2,
  attempts: 1,
  attemptLog: [],
  errorKind: null,
  errorMessage: null,
  cached: false,
  createdAt: 't',
})

const score = (k: ResultKey, value: number, source: StoredScore['source'] = 'rule'): StoredScore => ({
  ...k,
  runId: 'r',
  metric: 'm',
  scorerHash: 'h',
  source,
  value,
  raw: value,
  passed: value === 1,
  reason: '',
  details: {},
  createdAt: 't',
})

describe('repos identify a result by provider and model id', () => {
  it('stores, lists, filters and counts one model id through two providers as two results', () => {
    const r = repos()
    for (const p of providers) expect(r.runResults.insert(result(key(p), `from ${p}`))).toBe(true)
    expect(r.runResults.insert(result(key('openai'), 'again'))).toBe(false)
    expect(r.runResults.totals('r').done).toBe(2)
    expect(r.runResults.doneKeys('r').map(resultKey).sort()).toEqual(
      providers.map((p) => resultKey(key(p))).sort(),
    )
    for (const p of providers) {
      const filter = { provider: p, modelId: model }
      expect(r.runResults.count('r', filter)).toBe(1)
      expect(r.runResults.page('r', filter, 0, 10).map((x) => x.responseText)).toEqual([`from ${p}`])
    }
    expect(r.runResults.count('r', { modelId: model })).toBe(2)
    expect(r.runScores.facts('r').map((f) => f.provider)).toEqual([...providers])
    expect(r.runScores.times('r').size).toBe(2)
  })

  it('keeps a score per provider, filters by it and knows what each has scored', () => {
    const r = repos()
    expect(r.runScores.insert(score(key('openai'), 1))).toBe(true)
    expect(r.runScores.insert(score(key('my-gateway'), 0))).toBe(true)
    expect(r.runScores.insert(score(key('my-gateway'), 1))).toBe(false)
    const gateway = r.runScores.list('r', { provider: 'my-gateway', modelId: model })
    expect(gateway.map((s) => [s.provider, s.value])).toEqual([['my-gateway', 0]])
    r.runScores.replace(score(key('my-gateway'), 1))
    expect(r.runScores.list('r', { provider: 'my-gateway' }).map((s) => s.value)).toEqual([1])
    expect(r.runScores.list('r', { provider: 'openai' }).map((s) => s.value)).toEqual([1])
    expect(r.runScores.scoredKeys('r').size).toBe(2)
  })

  it("sums judge spend per provider and removes only that provider's human score", () => {
    const r = repos()
    for (const [i, p] of providers.entries()) {
      r.scoreCalls.insert({
        ...key(p),
        runId: 'r',
        metric: 'judge.q',
        scorerHash: 'hj',
        sample: 0,
        judgeProvider: 'openai',
        judgeModel: 'gpt-4o',
        request: {},
        responseText: '{}',
        inputTokens: 1,
        outputTokens: 1,
        costUsd: i + 1,
        totalMs: 1,
        attempts: 1,
        errorMessage: null,
        createdAt: 't',
      })
      r.runScores.insert(score(key(p), 1, 'human'))
    }
    expect(
      r.scoreCalls
        .costs('r')
        .map((c) => [c.provider, c.costUsd])
        .sort(),
    ).toEqual([
      ['my-gateway', 2],
      ['openai', 1],
    ])
    expect(r.scoreCalls.list('r').map((c) => c.provider)).toEqual([...providers])
    r.reviewScores.deleteHumanScore('r', key('my-gateway'), 'm', 'h')
    expect(r.runScores.list('r').map((s) => s.provider)).toEqual(['openai'])
  })
})

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../../../electron/main/core/db/migrations'
import { createRepos, type Repos } from '../../../../electron/main/core/db/repos'
import type { StepOwner, StoredStep } from '../../../../electron/main/core/db/repos/run-item-steps'

function setup(): { db: Database.Database; repos: Repos } {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations, () => 't')
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Orders', 't', 't');
    INSERT INTO dataset_snapshots (id, dataset_id, number, message, created_at, created_by, case_count, content_hash)
      VALUES ('s', 'd', 1, 'm', 't', 'a', 0, 'h');
    INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r', 'Run', 'running', '{}', 's', '[]', 't', 'a', '{}');
  `)
  return { db, repos: createRepos(db) }
}

// The same model id through two providers is two items, whose steps never mix.
const owner = (provider: string): StepOwner => ({
  runId: 'r',
  caseId: 'c1',
  promptVersionId: 'pv',
  provider,
  modelId: 'qwen2.5/7b',
  repeat: 0,
})

const stored = (step: number, text: string): StoredStep => ({
  step: {
    step,
    messages: [{ role: 'user', content: 'Where is order A-1?' }],
    text,
    toolCalls: [{ id: `c${step}`, name: 'lookup_order', arguments: '{"order":"A-1"' }],
    toolResults: [{ toolCallId: `c${step}`, name: 'lookup_order', content: 'delivered' }],
    finishReason: 'tool_calls',
    inputTokens: 10,
    outputTokens: 2,
    cachedTokens: 0,
    costUsd: null,
    ttftMs: 3,
    totalMs: 9,
  },
  attempts: [{ attempt: 1, startedAt: 1, endedAt: 9, outcome: 'ok' }],
  cached: false,
})

describe('run item steps repo', () => {
  it('stores steps per item in order, exactly as given, and removes one item’s steps only', () => {
    const { repos } = setup()
    const steps = repos.runItemSteps
    steps.insert(owner('vllm-box'), stored(1, 'second'))
    steps.insert(owner('vllm-box'), stored(0, 'first'))
    steps.insert(owner('local-llm'), stored(0, 'other provider'))
    expect(steps.list(owner('vllm-box'))).toEqual([stored(0, 'first'), stored(1, 'second')])
    expect(steps.countOfRun('r')).toBe(3)
    expect(steps.remove(owner('vllm-box'))).toBe(2)
    expect(steps.list(owner('vllm-box'))).toEqual([])
    expect(steps.list(owner('local-llm'))).toEqual([stored(0, 'other provider')])
  })

  it('refuses to store a step twice rather than replace what was paid for', () => {
    const { repos } = setup()
    repos.runItemSteps.insert(owner('vllm-box'), stored(0, 'first'))
    expect(() => repos.runItemSteps.insert(owner('vllm-box'), stored(0, 'again'))).toThrow(/UNIQUE/)
    expect(repos.runItemSteps.list(owner('vllm-box'))[0]?.step.text).toBe('first')
  })

  it('fails loudly on a step row that does not match its schema or its step number', () => {
    const { db, repos } = setup()
    repos.runItemSteps.insert(owner('vllm-box'), stored(0, 'first'))
    db.prepare('UPDATE run_item_steps SET step = 4 WHERE step = 0').run()
    expect(() => repos.runItemSteps.list(owner('vllm-box'))).toThrow(/row 4 holds step 0/)
    db.prepare(`UPDATE run_item_steps SET data = '{"step":{}}'`).run()
    expect(() => repos.runItemSteps.list(owner('vllm-box'))).toThrow(/does not match its schema/)
  })

  it('goes with its run', () => {
    const { db, repos } = setup()
    repos.runItemSteps.insert(owner('vllm-box'), stored(0, 'first'))
    db.prepare("DELETE FROM runs WHERE id = 'r'").run()
    expect(repos.runItemSteps.countOfRun('r')).toBe(0)
  })
})

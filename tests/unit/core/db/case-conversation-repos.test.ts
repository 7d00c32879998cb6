import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { revisionHash } from '../../../../electron/main/core/db/case-hash'
import { applyMigrations } from '../../../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../../../electron/main/core/db/migrations'
import { createRepos, type Repos } from '../../../../electron/main/core/db/repos'
import { readSnapshotCases } from '../../../../electron/main/core/snapshot-cases'
import type { CaseFields } from '../../../../shared/domain/datasets'

const chat: CaseFields = {
  key: 'refund-chat',
  vars: { customer: 'Dana' },
  expected: { queue: 'billing' },
  expectedOutput: null,
  tags: ['multi-turn'],
  notes: '',
  conversation: [
    { role: 'user', content: 'I was charged twice for order 7.' },
    { role: 'assistant', content: 'Sorry {{customer}}, let me look.' },
    { role: 'user', content: 'Please hurry, the rent is due.' },
  ],
  toolResults: { lookup_order: ['{"status":"charged twice"}', '{"status":"refunded"}'], notify: 'ok' },
}
const single: CaseFields = {
  key: 'plain',
  vars: { customer: 'Lee' },
  expected: {},
  expectedOutput: 'Hello',
  tags: [],
  notes: '',
}

function repos(): Repos {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations, () => 't')
  const r = createRepos(db)
  r.datasets.insertDataset({ id: 'support', name: 'Support', description: '', createdAt: 't' })
  r.datasetCases.insertMany([
    { ...chat, id: 'c1', datasetId: 'support', position: 0 },
    { ...single, id: 'c2', datasetId: 'support', position: 1 },
  ])
  return r
}

function snapshot(r: Repos, id: string, number: number): void {
  r.snapshots.insertFromWorkingCopy({
    id,
    datasetId: 'support',
    number,
    message: '',
    createdAt: 't',
    createdBy: 'me',
    caseCount: 2,
    contentHash: `h${number}`,
  })
}

describe('conversation cases in the repos', () => {
  it('stores and reads back the turns and canned tool results on every working-copy read', () => {
    const r = repos()
    expect(r.datasetCases.first('support')).toEqual({ id: 'c1', ...chat })
    expect(r.datasetCases.all('support')[0]).toEqual({ id: 'c1', ...chat })
    expect(r.datasetCases.page('support', 0, 10)[0]).toEqual({ id: 'c1', ...chat })
    expect(r.datasetCases.byIds(['c1'])[0]).toMatchObject({
      conversation: chat.conversation,
      toolResults: chat.toolResults,
    })
  })

  it('reads a single-turn case without conversation or toolResults keys', () => {
    const r = repos()
    const plain = r.datasetCases.all('support')[1]
    expect(plain).toEqual({ id: 'c2', ...single })
    expect(plain && 'conversation' in plain).toBe(false)
    expect(plain && 'toolResults' in plain).toBe(false)
  })

  it('finds a case by the text of a turn', () => {
    const r = repos()
    expect(r.datasetCases.page('support', 0, 10, { search: 'RENT is due' }).map((c) => c.key)).toEqual([
      'refund-chat',
    ])
    expect(r.datasetCases.count('support', { search: 'charged twice order' })).toBe(1)
  })

  it('updates and removes the conversation and tool results, keeping the revision hash in step', () => {
    const r = repos()
    const edited = { ...chat, conversation: [{ role: 'user' as const, content: 'Just one turn' }] }
    r.datasetCases.update({ ...edited, id: 'c1', position: 0 })
    expect(r.datasetCases.first('support')).toEqual({ id: 'c1', ...edited })
    const bare = { ...chat, conversation: undefined, toolResults: undefined }
    r.datasetCases.update({ ...bare, id: 'c1', position: 0 })
    expect(r.datasetCases.first('support')).toEqual({ id: 'c1', ...bare })
    expect(r.datasetCases.revisions('support')[0]?.revisionHash).toBe(revisionHash(bare))
  })

  it('freezes them in snapshot revisions, which the run reads as each WorkItem case', async () => {
    const r = repos()
    snapshot(r, 's1', 1)
    r.datasetCases.update({ ...chat, conversation: undefined, id: 'c1', position: 0 })
    snapshot(r, 's2', 2)
    expect(r.snapshots.allCases('s1')[0]).toEqual({ id: 'c1', ...chat })
    expect(r.snapshots.pageCases('s1', 0, 10, { search: 'rent' })).toHaveLength(1)
    expect(r.snapshots.casesFrom('s1', 0, 10).cases[0]).toEqual({ id: 'c1', ...chat })
    const forRun = await readSnapshotCases(r, 's1')
    expect(forRun[0]?.conversation).toEqual(chat.conversation)
    expect(forRun[0]?.toolResults).toEqual(chat.toolResults)
    const later = r.snapshots.allCases('s2')[0]
    expect(later).toEqual({ id: 'c1', ...chat, conversation: undefined })
    expect(Object.keys(later ?? {})).not.toContain('conversation')
  })
})

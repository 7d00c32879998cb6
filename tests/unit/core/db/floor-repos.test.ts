import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../../../electron/main/core/db/migrations'
import { createRepos, type Repos } from '../../../../electron/main/core/db/repos'

/** An in-memory workspace with two datasets; no demo. */
function repos(): Repos {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations, () => 't')
  const r = createRepos(db)
  r.datasets.insertDataset({ id: 'orders', name: 'Orders', description: '', createdAt: 't' })
  r.datasets.insertDataset({ id: 'empty', name: 'Empty', description: '', createdAt: 't' })
  const fields = { expected: {}, expectedOutput: null, tags: [], notes: '' }
  r.datasetCases.insertMany([
    { id: 'c2', datasetId: 'orders', position: 1, key: 'second', vars: { sku: 'B-2' }, ...fields },
    { id: 'c1', datasetId: 'orders', position: 0, key: 'first', vars: { order_id: 'A-1' }, ...fields },
  ])
  return r
}

describe('the repos that replaced SQL outside core/db/', () => {
  it('reads the first case of a dataset in position order, and null for an empty one', () => {
    const r = repos()
    expect(r.datasetCases.first('orders')).toMatchObject({
      id: 'c1',
      key: 'first',
      vars: { order_id: 'A-1' },
    })
    expect(r.datasetCases.first('empty')).toBeNull()
  })

  it('records a workspace fact once and refuses to overwrite it', () => {
    const r = repos()
    r.workspaceMeta.insert('demo_seeded_at', '2026-12-01T00:00:00.000Z')
    expect(() => r.workspaceMeta.insert('demo_seeded_at', 'later')).toThrow(/UNIQUE/)
  })
})

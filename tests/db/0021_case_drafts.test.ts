import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../electron/main/core/db/migrations'
import { createCaseDraftsRepo, type NewDraft } from '../../electron/main/core/db/repos/case-drafts'

function v21WithDataset(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations.slice(0, 20), () => 't0')
  db.exec("INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Shipping', 't', 't')")
  applyMigrations(db, bundledMigrations.slice(0, 21), () => 't1')
  return db
}

const draft = (id: string, position: number): NewDraft => ({
  id,
  datasetId: 'd',
  batchId: 'gen_1',
  position,
  segment: ['topic:shipping'],
  model: { provider: 'local-llm', model: 'qwen2.5-7b' },
  // A variable a user's file names __proto__ is data like any other.
  vars: JSON.parse(`{"question": "Where is parcel ${id}?", "__proto__": "kept"}`) as Record<string, string>,
  expected: { team: 'logistics', urgent: false },
  expectedOutput: null,
  tags: ['topic:shipping'],
  notes: '',
  createdAt: 't2',
  createdBy: 'noor',
})

describe('0021_case_drafts', () => {
  it('is the twenty-first migration', () => {
    expect(bundledMigrations[20]?.name).toBe('0021_case_drafts.sql')
  })

  it('keeps pending drafts in order, with their fields as given, until each is decided once', () => {
    const db = v21WithDataset()
    const drafts = createCaseDraftsRepo(db)
    drafts.insertMany([draft('a', 0), draft('b', 1), draft('c', 2)])
    const pending = drafts.pending('d')
    expect(pending.map((d) => d.id)).toEqual(['a', 'b', 'c'])
    expect(pending[0]).toMatchObject({
      segment: ['topic:shipping'],
      model: { provider: 'local-llm', model: 'qwen2.5-7b' },
      expected: { team: 'logistics', urgent: false },
    })
    expect(Object.hasOwn(pending[0]?.vars ?? {}, '__proto__')).toBe(true)
    expect(drafts.update({ ...(pending[1] as (typeof pending)[number]), notes: 'edited' })).toBe(true)
    expect(drafts.decide('a', { state: 'accepted', at: 't3', by: 'noor', caseId: 'case_1' })).toBe(true)
    expect(drafts.decide('a', { state: 'rejected', at: 't4', by: 'noor', caseId: null })).toBe(false)
    expect(drafts.decide('c', { state: 'rejected', at: 't4', by: 'noor', caseId: null })).toBe(true)
    expect(drafts.pending('d').map((d) => [d.id, d.notes])).toEqual([['b', 'edited']])
    expect(drafts.pendingByIds(['a', 'b', 'nope']).map((d) => d.id)).toEqual(['b'])
    expect(db.prepare("SELECT state, case_id FROM case_drafts WHERE id = 'a'").get()).toEqual({
      state: 'accepted',
      case_id: 'case_1',
    })
  })

  it('refuses unknown states, a decision without a time, and goes with its dataset', () => {
    const db = v21WithDataset()
    createCaseDraftsRepo(db).insertMany([draft('a', 0)])
    expect(() => db.exec("UPDATE case_drafts SET state = 'lost'")).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE case_drafts SET state = 'accepted'")).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE case_drafts SET vars = 'not json'")).toThrow(/CHECK/)
    expect(() => createCaseDraftsRepo(db).insertMany([{ ...draft('b', 0), datasetId: 'nope' }])).toThrow(
      /FOREIGN KEY/,
    )
    db.exec("DELETE FROM datasets WHERE id = 'd'")
    expect(db.prepare('SELECT COUNT(*) AS n FROM case_drafts').get()).toEqual({ n: 0 })
  })
})

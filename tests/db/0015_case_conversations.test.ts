import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

/** A v14 workspace with one working case and one snapshot revision, as they were before conversations. */
function v14WithCases(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations.slice(0, 14), () => 't0')
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Support', 't', 't');
    INSERT INTO dataset_cases (id, dataset_id, case_key, position, vars, expected, expected_output, tags, notes,
                               revision_hash)
      VALUES ('c1', 'd', 'refund-1', 0, '{"q":"Refund?"}', '{}', NULL, '[]', '', 'ha');
    INSERT INTO case_revisions (hash, case_key, vars, expected, expected_output, tags, notes)
      VALUES ('ha', 'refund-1', '{"q":"Refund?"}', '{}', NULL, '[]', '');
  `)
  applyMigrations(db, bundledMigrations.slice(0, 15), () => 't1')
  return db
}

const turns = JSON.stringify([
  { role: 'user', content: 'Where is order 7?' },
  { role: 'assistant', content: 'Checking.' },
])

describe('0015_conversations_tools: case columns', () => {
  it('is the fifteenth migration', () => {
    expect(bundledMigrations[14]?.name).toBe('0015_conversations_tools.sql')
  })

  it('leaves existing cases and revisions single-turn (NULL conversation and tool results)', () => {
    const db = v14WithCases()
    expect(db.prepare(`SELECT conversation, tool_results FROM dataset_cases WHERE id = 'c1'`).get()).toEqual({
      conversation: null,
      tool_results: null,
    })
    expect(
      db.prepare(`SELECT conversation, tool_results FROM case_revisions WHERE hash = 'ha'`).get(),
    ).toEqual({
      conversation: null,
      tool_results: null,
    })
  })

  it('stores JSON conversations and tool results on working cases and revisions', () => {
    const db = v14WithCases()
    db.prepare(`UPDATE dataset_cases SET conversation = ?, tool_results = ? WHERE id = 'c1'`).run(
      turns,
      '{"lookup_order":"shipped"}',
    )
    db.prepare(
      `INSERT INTO case_revisions (hash, case_key, vars, expected, expected_output, tags, notes, conversation,
                                   tool_results)
       VALUES ('hb', 'refund-1', '{}', '{}', NULL, '[]', '', ?, '{"lookup_order":["a","b"]}')`,
    ).run(turns)
    expect(db.prepare(`SELECT conversation FROM case_revisions WHERE hash = 'hb'`).get()).toEqual({
      conversation: turns,
    })
  })

  it('refuses text that is not JSON in either column of either table', () => {
    const db = v14WithCases()
    for (const column of ['conversation', 'tool_results']) {
      expect(() => db.exec(`UPDATE dataset_cases SET ${column} = 'not json' WHERE id = 'c1'`)).toThrow(
        /CHECK constraint/,
      )
      expect(() =>
        db.exec(
          `INSERT INTO case_revisions (hash, case_key, vars, expected, expected_output, tags, notes, ${column})
           VALUES ('hx', 'k', '{}', '{}', NULL, '[]', '', '[{"role":')`,
        ),
      ).toThrow(/CHECK constraint/)
    }
  })

  it('keeps revisions immutable with the new columns', () => {
    const db = v14WithCases()
    expect(() => db.exec(`UPDATE case_revisions SET conversation = '[]' WHERE hash = 'ha'`)).toThrow(
      /immutable/,
    )
  })
})

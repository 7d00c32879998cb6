import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCoreContext, type CoreContext } from '../../../../electron/main/core/context'
import { openConnection } from '../../../../electron/main/core/db/connection'
import { importProductionLog } from '../../../../electron/main/core/production/import'
import { useTempHomes } from '../../../fixtures/temp-home'
import { demoCore, promptNamed } from '../core-calls'

const tempHome = useTempHomes()

describe('a production import failing inside its transaction', { timeout: 30_000 }, () => {
  it('leaves no dataset, case, snapshot, run, result or import row', async () => {
    const home = tempHome()
    const core = demoCore(home)
    const promptId = (await promptNamed(core, 'Ticket triage')).prompt.id
    core.close()
    const db = openConnection(join(home, 'evallab.db'))
    const real = createCoreContext(db, { user: 'tester', now: () => '2026-12-01T00:00:00.000Z' })
    const { repos } = real
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    const tables = [
      'datasets',
      'dataset_cases',
      'dataset_snapshots',
      'runs',
      'run_results',
      'production_imports',
    ]
    const before = tables.map(count)
    // The last write of the import fails: everything written before it must be rolled back.
    const failing = {
      ...repos,
      production: {
        ...repos.production,
        insertImport: () => {
          throw new Error('disk full')
        },
      },
    }
    const ctx: CoreContext = { ...real, repos: failing }
    const content = readFileSync(join(process.cwd(), 'resources/demo/production-triage.jsonl'), 'utf8')
    expect(() =>
      importProductionLog(ctx, { promptId, fileName: 'p.jsonl', content, format: 'auto' }),
    ).toThrow('disk full')
    expect(tables.map(count)).toEqual(before)
    db.close()
  })
})

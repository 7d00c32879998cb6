import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../../electron/main/core/api/context'
import { openConnection } from '../../../../electron/main/core/db/connection'
import { createRepos } from '../../../../electron/main/core/db/repos'
import { importProductionLog } from '../../../../electron/main/core/production/import'
import { useTempHomes } from '../../../fixtures/temp-home'
import { demoCore, promptNamed } from '../core-calls'
import { createLlmGateway } from '../../../../electron/main/core/llm/gateway'

const tempHome = useTempHomes()

describe('a production import failing inside its transaction', { timeout: 30_000 }, () => {
  it('leaves no dataset, case, snapshot, run, result or import row', async () => {
    const home = tempHome()
    const core = demoCore(home)
    const promptId = (await promptNamed(core, 'Ticket triage')).prompt.id
    core.close()
    const db = openConnection(join(home, 'evallab.db'))
    const repos = createRepos(db)
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
    const now = (): string => '2026-12-01T00:00:00.000Z'
    const ctx: CoreContext = {
      db,
      repos: failing,
      user: 'tester',
      now,
      llm: createLlmGateway({ repos: failing }),
    }
    const content = readFileSync(join(process.cwd(), 'resources/demo/production-triage.jsonl'), 'utf8')
    expect(() =>
      importProductionLog(ctx, { promptId, fileName: 'p.jsonl', content, format: 'auto' }),
    ).toThrow('disk full')
    expect(tables.map(count)).toEqual(before)
    db.close()
  })
})

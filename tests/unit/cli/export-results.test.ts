import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { useMockLlmServer } from '../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../fixtures/temp-home'
import { call } from '../core/core-calls'
import { answer, exportWorkspace, gateway, scoredRun } from '../core/runs/export/export-workspace'
import { spawnEvallab } from './spawn-bin'

const newHome = useTempHomes()
const startMock = useMockLlmServer()

/** A workspace holding one scored run of the user's own gateway model, closed again for the CLI to open. */
async function workspaceWithRun(): Promise<{ home: string; runId: string; csv: string; jsonl: string }> {
  const server = await startMock({ responder: answer })
  const home = newHome()
  const w = await exportWorkspace(home, server, 8)
  const run = await scoredRun(w, { promptVersionIds: w.versionIds, models: [gateway] }, 'Nightly parcels')
  const exported = async (format: 'csv' | 'jsonl') =>
    (await call<{ content: string }>(w.core, 'runs.exportResults', { runId: run.id, format })).content
  const [csv, jsonl] = [await exported('csv'), await exported('jsonl')]
  w.core.close()
  return { home, runId: run.id, csv, jsonl }
}

describe('evallab export-results (the built bin)', () => {
  it('writes a run, by name or id, as the same bytes the app exports', async () => {
    const { home, runId, csv, jsonl } = await workspaceWithRun()
    const out = mkdtempSync(join(tmpdir(), 'evallab-results-'))
    const csvFile = join(out, 'reports', 'nightly.csv')

    const byName = await spawnEvallab([
      'export-results',
      'Nightly parcels',
      '--out',
      csvFile,
      '--workspace',
      home,
    ])
    expect(byName.stderr).toBe('')
    expect(byName.code).toBe(0)
    expect(byName.stdout).toContain(`Wrote 16 results of run "Nightly parcels" to ${csvFile}`)
    expect(readFileSync(csvFile, 'utf8')).toBe(csv)
    const rows = parse<Record<string, string>>(readFileSync(csvFile), { bom: true, columns: true })
    expect(rows).toHaveLength(16)
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining(['score.rule.refund', 'score.rule.approved']),
    )

    const jsonlFile = join(out, 'nightly.jsonl')
    const byId = await spawnEvallab(['export-results', runId, '--out', jsonlFile], { EVALLAB_HOME: home })
    expect(byId.code).toBe(0)
    expect(readFileSync(jsonlFile, 'utf8')).toBe(jsonl)
  }, 90_000)

  it('refuses an unknown run, a missing --out and an unknown format with exit 3 and a reason', async () => {
    const { home } = await workspaceWithRun()
    const out = join(mkdtempSync(join(tmpdir(), 'evallab-results-')), 'x.csv')
    const unknown = await spawnEvallab([
      'export-results',
      'Weekly parcels',
      '--out',
      out,
      '--workspace',
      home,
    ])
    expect(unknown.code).toBe(3)
    expect(unknown.stderr).toContain('No run "Weekly parcels"')
    expect(unknown.stderr).toContain('"Nightly parcels"')
    const noOut = await spawnEvallab(['export-results', 'Nightly parcels', '--workspace', home])
    expect(noOut.code).toBe(3)
    expect(noOut.stderr).toContain('needs --out FILE')
    const badFormat = await spawnEvallab([
      'export-results',
      'Nightly parcels',
      '--out',
      out,
      '--format',
      'xlsx',
      '--workspace',
      home,
    ])
    expect(badFormat.code).toBe(3)
    expect(badFormat.stderr).toContain('--format must be csv or jsonl, not "xlsx"')
  }, 90_000)
})

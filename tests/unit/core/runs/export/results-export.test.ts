import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { Run } from '../../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { allCases, base64 } from '../../datasets/api-helpers'
import { answer, exportWorkspace, openai, scoredRun, gateway } from './export-workspace'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

interface Exported {
  fileName: string
  content: string
  resultCount: number
}

const exportOf = (core: Parameters<typeof call>[0], runId: string, format: 'csv' | 'jsonl') =>
  call<Exported>(core, 'runs.exportResults', { runId, format })

/** Rows as a spreadsheet reads them: header names → cell text ('' for an empty cell). */
function spreadsheet(csv: string): Record<string, string>[] {
  return parse<Record<string, string>>(csv, { bom: true, columns: true, relax_column_count: false })
}

describe('runs.exportResults on a 2,000-result run', () => {
  it('opens in a CSV parser with 2,000 rows and the metric columns; its JSONL imports back as the dataset', async () => {
    const server = await startMock({ responder: answer })
    const w = await exportWorkspace(tempHome(), server, 2000)
    const run = await scoredRun(
      w,
      { promptVersionIds: [w.versionIds[0] as string], models: [gateway] },
      'Parcels',
    )
    expect(run.status).toBe('completed')

    const csv = await exportOf(w.core, run.id, 'csv')
    expect(csv.fileName).toBe('parcels.results.csv')
    expect(csv.resultCount).toBe(2000)
    const rows = spreadsheet(csv.content)
    expect(rows).toHaveLength(2000)
    const header = Object.keys(rows[0] ?? {})
    expect(header).toEqual(
      expect.arrayContaining([
        'case_key',
        'vars.subject',
        'vars.customer',
        'score.rule.refund',
        'score.rule.approved',
      ]),
    )
    expect(header).toEqual(
      expect.arrayContaining(['expected.category', 'expected_json.priority', 'cost_usd']),
    )
    // Stable order by case key; the gateway's model has no known price, so cost is empty (unknown), never 0.
    expect(rows.map((r) => r.case_key)).toEqual([...rows.map((r) => r.case_key)].sort())
    expect(rows.every((r) => r.cost_usd === '')).toBe(true)
    const third = rows.find((r) => r.case_key === 'case-00003')
    expect(third?.['vars.subject']).toBe(`'=HYPERLINK("http://x.test/3")`)
    expect(third?.output).toBe(`'=cmd|"/c calc"!A1`)
    expect(third?.['score.rule.refund']).toBe('0')
    expect(rows.find((r) => r.case_key === 'case-00001')?.['score.rule.refund']).toBe('1')
    expect(third?.prompt).toBe('Parcel reply')
    expect(third?.prompt_version).toBe('1')
    expect(third?.provider).toBe('acme-gateway')
    expect(third?.model).toBe('acme-support-7b')

    const jsonl = await exportOf(w.core, run.id, 'jsonl')
    expect(jsonl.content.split('\n').filter((l) => l !== '')).toHaveLength(2000)
    const contentBase64 = base64(jsonl.content)
    const preview = await call<{ mapping: unknown; failingRows: unknown[] }>(
      w.core,
      'datasets.importPreview',
      {
        fileName: jsonl.fileName,
        contentBase64,
      },
    )
    const back = await call<{ dataset: { id: string } }>(w.core, 'datasets.importCommit', {
      fileName: jsonl.fileName,
      contentBase64,
      mapping: preview.mapping,
      target: { kind: 'new', name: 'Parcels again' },
    })
    const strip = ({ id: _id, ...rest }: { id: string }) => rest
    const original = (await allCases(w.core, w.datasetId)).map(strip)
    const again = (await allCases(w.core, back.dataset.id)).map(strip)
    expect(again).toEqual(original)
    w.core.close()
  }, 120_000)
})

describe('runs.exportResults across versions, providers and repeats', () => {
  it('orders by case key, version, provider, model, repeat; re-export is byte-identical', async () => {
    const server = await startMock({ responder: answer, rate500: 0.15, seed: 7 })
    const w = await exportWorkspace(tempHome(), server, 6)
    const plan = { promptVersionIds: w.versionIds, models: [gateway, openai], repeats: 2 }
    const run: Run = await scoredRun(w, plan, 'Two of everything')
    const csv = await exportOf(w.core, run.id, 'csv')
    expect(csv.resultCount).toBe(6 * 2 * 2 * 2)
    const rows = spreadsheet(csv.content)
    const order = rows.map((r) => [r.case_key, r.prompt_version, r.provider, r.repeat].join(' '))
    const expected = [1, 2, 3, 4, 5, 6].flatMap((i) =>
      ['1', '2'].flatMap((v) =>
        ['acme-gateway', 'openai'].flatMap((p) => ['0', '1'].map((r) => `case-0000${i} ${v} ${p} ${r}`)),
      ),
    )
    expect(order).toEqual(expected)
    // Failed calls carry their error and no output; OpenAI's answered calls have a price, the gateway's none.
    const failed = rows.filter((r) => r.error_kind !== '')
    expect(failed.length).toBeGreaterThan(0)
    expect(failed.every((r) => r.output === '' && r.error !== '')).toBe(true)
    const answered = rows.filter((r) => r.error_kind === '')
    expect(answered.filter((r) => r.provider === 'openai').every((r) => Number(r.cost_usd) > 0)).toBe(true)
    expect(answered.filter((r) => r.provider === 'acme-gateway').every((r) => r.cost_usd === '')).toBe(true)
    expect(answered.every((r) => Number(r.latency_ms) >= 0 && r.input_tokens !== '')).toBe(true)

    // The same run, exported again (and after another scoring pass), gives the same bytes.
    await call(w.core, 'runs.score', { runId: run.id })
    expect((await exportOf(w.core, run.id, 'csv')).content).toBe(csv.content)
    const jsonl = await exportOf(w.core, run.id, 'jsonl')
    expect((await exportOf(w.core, run.id, 'jsonl')).content).toBe(jsonl.content)
    w.core.close()
  }, 60_000)
})

import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { DatasetCase } from '../../../../../shared/domain/datasets'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { allCases, base64, importAsNew } from '../../datasets/api-helpers'
import { answer, exportWorkspace, gateway, scoredRun } from './export-workspace'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

/** A chat dataset of the user's own: two conversation cases (one with canned tool results) and a single-turn one. */
const chats = [
  {
    key: 'chat-1',
    vars: { subject: 'Colis n°1 abîmé', customer: 'Zoë' },
    expected: { queue: 'billing' },
    expectedOutput: null,
    tags: ['chat'],
    notes: '',
    messages: [
      { role: 'user', content: 'My parcel {{subject}} arrived broken' },
      { role: 'assistant', content: 'Sorry! Which order?' },
      { role: 'user', content: 'Order 42, signed "{{customer}}"' },
    ],
    tool_results: { route_ticket: ['{"ok":true}', '{"ok":false}'] },
  },
  {
    key: 'chat-2',
    vars: { subject: 'Colis n°2', customer: '' },
    expected: {},
    expectedOutput: 'Refund',
    tags: [],
    notes: 'no tools',
    messages: [{ role: 'user', content: '=HYPERLINK("x")' }],
  },
  {
    key: 'single',
    vars: { subject: 'Colis n°3', customer: 'Al' },
    expected: {},
    expectedOutput: null,
    tags: [],
    notes: '',
  },
]

describe('runs.exportResults of a run over conversation cases', () => {
  it('JSONL carries messages/tool_results as the dataset export does and imports back equal; CSV has them as JSON', async () => {
    const server = await startMock({ responder: answer })
    const w = await exportWorkspace(tempHome(), server, 1)
    const file = chats.map((c) => JSON.stringify(c)).join('\n') + '\n'
    const dataset = await importAsNew(w.core, 'chats.jsonl', file, 'Chats')
    const run = await scoredRun(
      { ...w, datasetId: dataset.dataset.id },
      { promptVersionIds: [w.versionIds[0] as string], models: [gateway] },
      'Chats run',
    )
    expect(run.status).toBe('completed')

    const jsonl = await call<{ fileName: string; content: string }>(w.core, 'runs.exportResults', {
      runId: run.id,
      format: 'jsonl',
    })
    const datasetFile = await call<{ content: string }>(w.core, 'datasets.export', {
      datasetId: dataset.dataset.id,
      format: 'jsonl',
    })
    // Each line's case part is the dataset export's line, byte for byte, with `result` after it.
    const caseParts = jsonl.content
      .trimEnd()
      .split('\n')
      .map((l) => l.replace(/,"result":.*\}$/, '}'))
    expect(caseParts).toEqual(datasetFile.content.trimEnd().split('\n'))

    const contentBase64 = base64(jsonl.content)
    const preview = await call<{ mapping: unknown }>(w.core, 'datasets.importPreview', {
      fileName: jsonl.fileName,
      contentBase64,
    })
    const back = await call<{ dataset: { id: string } }>(w.core, 'datasets.importCommit', {
      fileName: jsonl.fileName,
      contentBase64,
      mapping: preview.mapping,
      target: { kind: 'new', name: 'Chats again' },
    })
    const strip = ({ id: _id, ...rest }: DatasetCase) => rest
    const original = (await allCases(w.core, dataset.dataset.id)).map(strip)
    expect(original[0]?.conversation).toHaveLength(3)
    expect((await allCases(w.core, back.dataset.id)).map(strip)).toEqual(original)

    const csv = await call<{ content: string }>(w.core, 'runs.exportResults', {
      runId: run.id,
      format: 'csv',
    })
    const rows = parse<Record<string, string>>(csv.content, { bom: true, columns: true })
    const byKey = new Map(rows.map((r) => [r.case_key, r]))
    expect(JSON.parse(byKey.get('chat-1')?.conversation ?? '')).toEqual(chats[0]?.messages)
    expect(JSON.parse(byKey.get('chat-1')?.tool_results ?? '')).toEqual(chats[0]?.tool_results)
    expect(byKey.get('chat-2')?.tool_results).toBe('')
    expect(byKey.get('single')?.conversation).toBe('')
    w.core.close()
  }, 120_000)
})

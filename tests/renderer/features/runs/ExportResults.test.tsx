import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Transport } from '../../../../shared/contract'
import type { DatasetDetail } from '../../../../shared/domain/datasets'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { Run } from '../../../../shared/domain/runs'
import { startCoreProcess, type CoreProcess } from '../../fixtures/core-process'
import { appState, renderApp } from '../render-app'

let core: CoreProcess | null = null
afterEach(async () => {
  cleanup()
  vi.restoreAllMocks()
  history.replaceState(null, '', '/')
  await core?.close()
  core = null
})

async function call<T>(transport: Transport, method: Parameters<Transport['rpc']>[0], input: unknown) {
  const result = await transport.rpc(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value as T
}

/** The user's own prompt and server, five cases (one formula-like, one with an empty var), run to the end. */
async function finishedRun(transport: Transport): Promise<Run> {
  const model = { provider: 'local-llm', model: 'qwen2.5-7b-instruct' }
  const prompt = await call<PromptDetail>(transport, 'prompts.create', {
    name: 'Refund answer',
    messages: [{ role: 'user', content: 'Answer: {{question}} {{order}}' }],
    model,
    message: 'first cut',
    allowNewVariables: true,
  })
  const dataset = await call<DatasetDetail>(transport, 'datasets.create', { name: 'Refund questions' })
  for (let i = 1; i <= 5; i++) {
    const vars = {
      question: i === 3 ? '=SUM(A1:A9)' : `Can I return order ${i}?`,
      order: i === 4 ? '' : `#${i}`,
    }
    const fields = { key: `rq-${i}`, vars, expected: {}, expectedOutput: null, tags: [], notes: '' }
    await call(transport, 'cases.add', { datasetId: dataset.dataset.id, fields })
  }
  const run = await call<Run>(transport, 'runs.start', {
    name: 'Refunds on qwen',
    promptVersionIds: [prompt.version.id],
    models: [model],
    datasetId: dataset.dataset.id,
    useCache: false,
  })
  await waitFor(
    async () => expect((await call<Run>(transport, 'runs.get', { id: run.id })).status).toBe('completed'),
    {
      timeout: 20_000,
    },
  )
  return call<Run>(transport, 'runs.get', { id: run.id })
}

/** Captures what the app hands to the browser's download: the file name and the blob's text. */
function captureDownloads(): { fileName: string; text: Promise<string>; type: string }[] {
  const saved: { fileName: string; text: Promise<string>; type: string }[] = []
  let last: Blob | null = null
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    last = blob as Blob
    return 'blob:results'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) saved.push({ fileName: this.download, text: last.text(), type: last.type })
  })
  return saved
}

describe('exporting a run’s results from the Runs screen', () => {
  it('downloads CSV and JSONL with every result, as the core exports them', async () => {
    core = await startCoreProcess({ provider: 'local-llm' })
    const run = await finishedRun(core.transport)
    const downloads = captureDownloads()
    renderApp(core.transport, { initialRoute: 'runs', initialRun: run.id })
    await waitFor(() => expect(appState()).toBe('ready'))

    fireEvent.click(await screen.findByTestId('export-results-csv'))
    await waitFor(() => expect(downloads).toHaveLength(1))
    const csv = downloads[0]
    expect(csv?.fileName).toBe('refunds-on-qwen.results.csv')
    expect(csv?.type).toBe('text/csv;charset=utf-8')
    const text = (await csv?.text) ?? ''
    const direct = await call<{ content: string }>(core.transport, 'runs.exportResults', {
      runId: run.id,
      format: 'csv',
    })
    expect(text).toBe(direct.content)
    const rows = parse<Record<string, string>>(text, { bom: true, columns: true })
    expect(rows.map((r) => r.case_key)).toEqual(['rq-1', 'rq-2', 'rq-3', 'rq-4', 'rq-5'])
    expect(rows[2]?.['vars.question']).toBe("'=SUM(A1:A9)")
    expect(rows.every((r) => r.provider === 'local-llm' && r.output !== '')).toBe(true)

    fireEvent.click(screen.getByTestId('export-results-jsonl'))
    await waitFor(() => expect(downloads).toHaveLength(2))
    expect(downloads[1]?.fileName).toBe('refunds-on-qwen.results.jsonl')
    const lines = ((await downloads[1]?.text) ?? '').trimEnd().split('\n')
    expect(lines.map((l) => (JSON.parse(l) as { key: string }).key)).toEqual([
      'rq-1',
      'rq-2',
      'rq-3',
      'rq-4',
      'rq-5',
    ])
    expect(screen.queryByTestId('export-results-error')).toBeNull()
  }, 60_000)

  it('shows the reason when the export fails, and downloads nothing', async () => {
    core = await startCoreProcess({ provider: 'local-llm' })
    const run = await finishedRun(core.transport)
    const real = core.transport
    const failing: Transport = {
      on: (event, listener) => real.on(event, listener),
      rpc: (method, input) =>
        method === 'runs.exportResults'
          ? Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `No run with id ${run.id}` } })
          : real.rpc(method, input),
    }
    const downloads = captureDownloads()
    renderApp(failing, { initialRoute: 'runs', initialRun: run.id })
    await waitFor(() => expect(appState()).toBe('ready'))
    fireEvent.click(await screen.findByTestId('export-results-csv'))
    const notice = await screen.findByTestId('export-results-error')
    expect(notice.textContent).toContain(`No run with id ${run.id}`)
    expect(downloads).toHaveLength(0)
  }, 60_000)
})

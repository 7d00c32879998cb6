import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Transport } from '../../../../shared/contract'
import type { DatasetCasePage, DatasetSummary } from '../../../../shared/domain/datasets'
import { startCoreProcess, type CoreProcess } from '../../fixtures/core-process'
import { appState, renderApp } from '../render-app'
import { mockTableViewport } from './helpers'

let core: CoreProcess | null = null
let restoreViewport = () => undefined as void
beforeEach(() => {
  restoreViewport = mockTableViewport()
})
afterEach(async () => {
  restoreViewport()
  cleanup()
  history.replaceState(null, '', '/')
  await core?.close()
  core = null
})

const csv = 'id,question\nrq-0041,Where is my refund?\nrq-0042,Can I return a gift?\n'
const model = { provider: 'local-llm', model: 'qwen2.5-7b-instruct' }

async function call<T>(transport: Transport, method: Parameters<Transport['rpc']>[0], input: unknown) {
  const result = await transport.rpc(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value as T
}

async function openImport(transport: Transport) {
  renderApp(transport, { initialRoute: 'datasets' })
  await waitFor(() => expect(appState()).toBe('ready'))
  fireEvent.click(screen.getByTestId('import-dataset'))
  const file = new File([csv], 'refunds.csv', { type: 'text/csv' })
  fireEvent.change(screen.getByTestId('import-file-input'), { target: { files: [file] } })
  await screen.findByTestId('import-preview')
}

const keyRow = () => screen.getAllByTestId('mapping-row').find((r) => r.dataset.column === 'id')!

describe('the case key in the import wizard (real core)', () => {
  it('says next to the key column how a prompt reads the key, and the editor names it for {{id}}', async () => {
    core = await startCoreProcess()
    await openImport(core.transport)
    await waitFor(() => expect(keyRow().dataset.role).toBe('key'))
    expect(within(keyRow()).getByTestId('mapping-key-hint').textContent).toBe(
      'In a prompt, write {{case.key}} for the case key.',
    )
    expect(within(keyRow()).getByTestId<HTMLInputElement>('mapping-key-as-var').checked).toBe(false)
    fireEvent.change(screen.getByTestId('import-dataset-name'), { target: { value: 'Refund questions' } })
    fireEvent.click(screen.getByTestId('confirm-dataset-import'))
    await waitFor(() => expect(screen.queryByTestId('import-preview')).toBeNull())

    fireEvent.click(screen.getByTestId('nav-prompts'))
    fireEvent.click(await screen.findByTestId('new-prompt'))
    const change = (id: string, value: string) =>
      fireEvent.change(screen.getByTestId(id), { target: { value } })
    change('new-prompt-name', 'Refund answer')
    change('new-prompt-model-id', 'gpt-4o-mini-2024-07-18')
    change('new-prompt-message-0', 'Ticket {{id}}: {{question}}')
    change('new-prompt-commit', 'first cut')
    fireEvent.click(screen.getByTestId('create-prompt'))
    const error = await screen.findByTestId('new-prompt-error')
    expect(error.textContent).toContain('Unknown variable {{id}}')
    expect(error.textContent).toContain('write {{case.key}} for the case key')
    change('new-prompt-message-0', 'Ticket {{case.key}}: {{question}}')
    fireEvent.click(screen.getByTestId('create-prompt'))
    await waitFor(() => expect(screen.queryByTestId('new-prompt-dialog')).toBeNull())
  }, 30_000)

  it('keeps the key as {{id}} too when the prompt the cases feed names it', async () => {
    core = await startCoreProcess()
    await call(core.transport, 'prompts.create', {
      name: 'Refund answer',
      messages: [{ role: 'user', content: 'Ticket {{id}}: {{question}} ({{case.key}})' }],
      model,
      message: 'used by the support app, which fills {{id}}',
      allowNewVariables: true,
    })
    await openImport(core.transport)
    const picker = await screen.findByTestId<HTMLSelectElement>('import-prompt-vars')
    await waitFor(() => expect(picker.options.length).toBeGreaterThan(1))
    const option = [...picker.options].find((o) => o.text === 'Refund answer')!
    fireEvent.change(picker, { target: { value: option.value } })
    await waitFor(() =>
      expect(within(keyRow()).getByTestId<HTMLInputElement>('mapping-key-as-var').checked).toBe(true),
    )
    expect(screen.getByTestId('import-known-variables').textContent).toBe(' {{id}} {{question}}')
    expect(within(keyRow()).getByTestId<HTMLInputElement>('mapping-key-var-name').value).toBe('id')
    expect(within(keyRow()).getByTestId('mapping-key-hint').textContent).toBe(
      'In a prompt, write {{case.key}} for the case key (or {{id}}, a copy kept as a variable).',
    )
    fireEvent.change(screen.getByTestId('import-dataset-name'), { target: { value: 'Refund questions' } })
    fireEvent.click(screen.getByTestId('confirm-dataset-import'))
    await waitFor(() => expect(screen.queryByTestId('import-preview')).toBeNull())
    const datasets = await call<DatasetSummary[]>(core.transport, 'datasets.list', {})
    const imported = datasets.find((d) => d.name === 'Refund questions')!
    const page = await call<DatasetCasePage>(core.transport, 'datasets.cases', { datasetId: imported.id })
    expect(page.cases.map((c) => [c.key, c.vars['id']])).toEqual([
      ['rq-0041', 'rq-0041'],
      ['rq-0042', 'rq-0042'],
    ])
  }, 30_000)
})

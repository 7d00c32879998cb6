import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../../shared/contract'
import { createFakeCore, defaultState } from '../../fixtures/fake-core'
import { makeDataset, seedDataset } from '../../fixtures/fake-datasets'
import { appState, renderApp } from '../render-app'
import { calls, mockTableViewport, rows } from './helpers'

let restoreViewport = () => undefined as void
beforeEach(() => {
  restoreViewport = mockTableViewport()
})
afterEach(() => {
  restoreViewport()
  cleanup()
  history.replaceState(null, '', '/')
})

async function start(prepare: (state: ReturnType<typeof defaultState>) => void = () => undefined) {
  const state = defaultState()
  prepare(state)
  const core = createFakeCore(state)
  renderApp(core.transport, { initialRoute: 'datasets' })
  await waitFor(() => expect(appState()).toBe('ready'))
  return core
}

function chooseFile(name: string, content: string) {
  const file = new File([content], name, { type: 'text/csv' })
  fireEvent.change(screen.getByTestId('import-file-input'), { target: { files: [file] } })
}

const mappingRow = (column: string) =>
  screen.getAllByTestId('mapping-row').find((r) => r.dataset.column === column)!

describe('dataset list', () => {
  it('says what to do when there is no dataset, and creates one', async () => {
    const core = await start()
    expect(screen.getByTestId('datasets-empty').textContent).toContain('Import…')
    fireEvent.click(screen.getByTestId('new-dataset'))
    fireEvent.change(screen.getByTestId('dataset-name-input'), { target: { value: 'Refund tickets' } })
    fireEvent.click(screen.getByTestId('confirm-new-dataset'))
    await screen.findByTestId('dataset-detail')
    expect(screen.getByTestId('dataset-name').textContent).toBe('Refund tickets')
    expect(await screen.findByTestId('cases-empty')).toBeTruthy()
    expect(location.hash).toMatch(/^#\/datasets\/ds-\d+$/)
    expect(calls(core, 'datasets.create')[0]?.input).toEqual({ name: 'Refund tickets', description: '' })

    fireEvent.click(screen.getByTestId('datasets-back'))
    expect(screen.getByTestId('dataset-item').textContent).toContain('Refund tickets')
    expect(location.hash).toBe('#/datasets')
  })

  it('lists cases, snapshots and the linked parent; a made-from link opens the parent', async () => {
    await start((state) => {
      seedDataset(state, 'ds-1', 12)
      state.datasets.push(makeDataset('ds-2', 'Hard subset', { parentId: 'ds-1' }))
      state.cases['ds-2'] = []
    })
    const items = screen.getAllByTestId('dataset-item')
    expect(items.map((i) => i.dataset.datasetId)).toEqual(['ds-1', 'ds-2'])
    expect(items[0]!.textContent).toContain('12')
    fireEvent.click(within(items[1]!).getByTestId('dataset-parent'))
    expect((await screen.findByTestId('dataset-detail')).dataset.datasetId).toBe('ds-1')
  })

  it('follows a write from anywhere: a dataset imported by another client shows up in the open list', async () => {
    const core = await start((state) => seedDataset(state, 'ds-1', 12))
    expect(screen.getAllByTestId('dataset-item')).toHaveLength(1)
    // The CLI imports a file into a new dataset (another client of the same core).
    seedDataset(core.state, 'ds-cli', 40, 'Refunds from CI')
    core.transport.emit('db.changed', { tables: ['datasets', 'dataset_cases', 'audit_log'] })
    await waitFor(() => expect(screen.getAllByTestId('dataset-item')).toHaveLength(2))
    expect(screen.getAllByTestId('dataset-item')[1]!.textContent).toContain('Refunds from CI')
  })

  it('makes a linked dataset from the selection', async () => {
    const core = await start((state) => seedDataset(state, 'ds-1', 5))
    fireEvent.click(screen.getAllByTestId('dataset-item')[0]!.querySelector('a')!)
    await waitFor(() => expect(rows()).toHaveLength(5))
    fireEvent.click(within(rows()[1]!).getByTestId('case-select'))
    fireEvent.click(within(rows()[3]!).getByTestId('case-select'), { shiftKey: true })
    expect(screen.getByTestId('selection-count').textContent).toBe('3 selected')
    fireEvent.click(screen.getByTestId('new-from-selection'))
    fireEvent.change(screen.getByTestId('dataset-name-input'), { target: { value: 'Three cases' } })
    fireEvent.click(screen.getByTestId('confirm-new-from-selection'))
    await waitFor(() => expect(screen.getByTestId('dataset-name').textContent).toBe('Three cases'))
    expect(screen.getByTestId('dataset-parent').textContent).toBe('Tickets')
    expect(calls(core, 'datasets.createFromCases')[0]?.input).toMatchObject({
      sourceDatasetId: 'ds-1',
      caseIds: ['ds-1-1', 'ds-1-2', 'ds-1-3'],
    })
    await waitFor(() => expect(rows()).toHaveLength(3))
  })
})

describe('import wizard', () => {
  const csv =
    'id,subject,segment,priority\nt-1,Refund please,smb,1\n,No key,smb,2\nt-3,App crashes,enterprise,x\n'

  it('maps columns, lists every failing row, and imports only once they are excluded', async () => {
    const core = await start()
    fireEvent.click(screen.getByTestId('import-dataset'))
    chooseFile('support.csv', csv)
    await screen.findByTestId('import-preview')
    expect(screen.getByTestId('import-counts').dataset).toMatchObject({ rows: '3', valid: '2', failing: '1' })
    expect(screen.getAllByTestId('mapping-row').map((r) => [r.dataset.column, r.dataset.role])).toEqual([
      ['id', 'key'],
      ['subject', 'var'],
      ['segment', 'tag'],
      ['priority', 'var'],
    ])
    expect(within(mappingRow('segment')).getByTestId<HTMLInputElement>('mapping-name').value).toBe('segment')
    expect(screen.getAllByTestId('preview-row')).toHaveLength(3)

    // priority as a numeric expected field: row 3 fails too ("x" is not a number).
    fireEvent.change(within(mappingRow('priority')).getByTestId('mapping-role'), {
      target: { value: 'expected' },
    })
    fireEvent.change(within(mappingRow('priority')).getByTestId('mapping-type'), {
      target: { value: 'number' },
    })
    await waitFor(() =>
      expect(screen.getAllByTestId('failing-row').map((r) => r.dataset.row)).toEqual(['2', '3']),
    )
    expect(calls(core, 'datasets.importPreview').at(-1)?.input).toMatchObject({
      mapping: { priority: { role: 'expected', name: 'priority', type: 'number' } },
    })
    const failing = screen.getAllByTestId('failing-row')
    expect(failing[0]!.textContent).toContain('The key is empty')
    expect(within(failing[1]!).getByTestId('failing-issue').dataset.column).toBe('priority')
    const importButton = screen.getByTestId<HTMLButtonElement>('confirm-dataset-import')
    expect(importButton.disabled).toBe(true)
    expect(screen.getByTestId('import-blocker').textContent).toContain('2 rows fail')

    fireEvent.click(within(failing[0]!).getByTestId('failing-exclude'))
    await waitFor(() => expect(screen.getByTestId('import-counts').dataset.excluded).toBe('1'))
    expect(importButton.disabled).toBe(true)
    fireEvent.click(screen.getByTestId('exclude-failing'))
    await waitFor(() => expect(importButton.disabled).toBe(false))
    expect(screen.getAllByTestId('failing-row').map((r) => r.dataset.excluded)).toEqual(['true', 'true'])

    fireEvent.change(screen.getByTestId('import-dataset-name'), { target: { value: 'Support' } })
    fireEvent.click(importButton)
    await waitFor(() => expect(screen.queryByTestId('import-dialog-dataset')).toBeNull())
    expect(screen.getByTestId('dataset-name').textContent).toBe('Support')
    await waitFor(() => expect(rows().map((r) => r.dataset.caseKey)).toEqual(['t-1']))
    expect(screen.getByTestId('import-outcome').textContent).toContain(
      'Imported support.csv: 1 case added. Left out 2 excluded rows (2, 3).',
    )
    expect(calls(core, 'datasets.importCommit')[0]?.input).toMatchObject({
      fileName: 'support.csv',
      excludeRows: [2, 3],
      target: { kind: 'new', name: 'Support' },
    })
  })

  it('offers to keep promptfoo file:// references as text, and asks the core so when ticked', async () => {
    const core = await start()
    fireEvent.click(screen.getByTestId('import-dataset'))
    chooseFile('support.csv', csv)
    await screen.findByTestId('import-preview')
    expect(screen.queryByTestId('import-keep-file-references')).toBeNull()
    chooseFile('tests.yaml', '- vars: { doc: file://doc.txt }\n')
    const keep = await screen.findByTestId<HTMLInputElement>('import-keep-file-references')
    expect(keep.checked).toBe(false)
    await waitFor(() =>
      expect(calls(core, 'datasets.importPreview').at(-1)?.input).toMatchObject({ fileName: 'tests.yaml' }),
    )
    expect(calls(core, 'datasets.importPreview').at(-1)?.input).not.toHaveProperty('fileReferences')
    fireEvent.click(keep)
    await waitFor(() =>
      expect(calls(core, 'datasets.importPreview').at(-1)?.input).toMatchObject({
        fileName: 'tests.yaml',
        fileReferences: 'asText',
      }),
    )
  })

  it('re-imports into the open dataset, replacing its cases', async () => {
    const core = await start((state) => seedDataset(state, 'ds-1', 3))
    fireEvent.click(screen.getAllByTestId('dataset-item')[0]!.querySelector('a')!)
    await screen.findByTestId('dataset-detail')
    fireEvent.click(screen.getByTestId('import-dataset'))
    expect(screen.getByTestId<HTMLInputElement>('import-target-existing').checked).toBe(true)
    expect(screen.getByTestId<HTMLSelectElement>('import-existing-dataset').value).toBe('ds-1')
    fireEvent.change(screen.getByTestId('import-mode'), { target: { value: 'replace' } })
    chooseFile('again.csv', 'key,subject\nk-a,one\nk-b,two\n')
    await screen.findByTestId('import-preview')
    await waitFor(() =>
      expect(screen.getByTestId<HTMLButtonElement>('confirm-dataset-import').disabled).toBe(false),
    )
    fireEvent.click(screen.getByTestId('confirm-dataset-import'))
    await waitFor(() => expect(screen.queryByTestId('import-dialog-dataset')).toBeNull())
    await waitFor(() => expect(rows().map((r) => r.dataset.caseKey)).toEqual(['k-a', 'k-b']))
    expect(calls(core, 'datasets.importCommit')[0]?.input).toMatchObject({
      target: { kind: 'existing', datasetId: 'ds-1', mode: 'replace' },
    })
  })

  it('lists the rows and columns the core names when it refuses the file', async () => {
    const core = await start()
    core.handlers['datasets.importCommit'] = () => {
      throw new AppError('INVALID_INPUT', 'The file has 1 problem', {
        issues: [{ file: 'a.csv', row: 7, line: 8, column: 'id', message: 'Duplicate key "t-1"' }],
      })
    }
    fireEvent.click(screen.getByTestId('import-dataset'))
    chooseFile('a.csv', 'id,subject\nt-1,x\n')
    await waitFor(() =>
      expect(screen.getByTestId<HTMLButtonElement>('confirm-dataset-import').disabled).toBe(false),
    )
    fireEvent.click(screen.getByTestId('confirm-dataset-import'))
    const issues = await screen.findByTestId('import-issues')
    const issue = within(issues).getByTestId('import-issue')
    expect(issue.dataset).toMatchObject({ row: '7', column: 'id' })
    expect(issue.textContent).toContain('Duplicate key "t-1"')
    expect(screen.getByTestId('import-dialog-dataset')).toBeTruthy()
  })
})

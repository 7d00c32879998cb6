import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeCase } from '../../fixtures/fake-datasets'
import { calls, cell, mockTableViewport, openDataset, row, rows, select } from './helpers'

let restoreViewport = () => undefined as void
beforeEach(() => {
  restoreViewport = mockTableViewport()
})
afterEach(() => {
  restoreViewport()
  cleanup()
  history.replaceState(null, '', '/')
})

const grid = () => screen.getByTestId('case-table')
const selectionCount = () => screen.getByTestId('selection-count').textContent

describe('case table', () => {
  it('renders only the rows in view, one column per variable, and fetches the next page on scroll', async () => {
    const { core } = await openDataset(1200)
    expect(grid().dataset.total).toBe('1200')
    expect(rows().length).toBeGreaterThan(15)
    expect(rows().length).toBeLessThan(60)
    expect(calls(core, 'datasets.cases').map((c) => c.input)).toEqual([
      { datasetId: 'ds-1', offset: 0, limit: 500 },
    ])
    expect(cell('k-00000', 'var:subject').textContent).toBe('Subject 0')
    expect(cell('k-00000', 'var:body').textContent).toBe('Body 0')
    expect(cell('k-00000', 'tags').textContent).toContain('smb')
    expect(location.hash).toBe('#/datasets/ds-1')

    act(() => {
      grid().scrollTop = 700 * 32
      fireEvent.scroll(grid())
    })
    await waitFor(() => expect(row('k-00700')).toBeTruthy())
    expect(calls(core, 'datasets.cases').map((c) => (c.input as { offset: number }).offset)).toEqual([0, 500])
  })

  it('a case added and one edited by another client refresh the open table, with the new column', async () => {
    const { core, state } = await openDataset(5)
    expect(grid().dataset.total).toBe('5')
    const patch = { vars: { subject: 'Edited by the CLI', body: 'b' } }
    void core.handlers['cases.update']!({ caseId: 'ds-1-1', patch })
    state.cases['ds-1']!.push(makeCase('k-added', { vars: { subject: 'Added', body: 'b', lang: 'de' } }))
    core.transport.emit('db.changed', { tables: ['dataset_cases', 'datasets', 'audit_log'] })
    await waitFor(() => expect(grid().dataset.total).toBe('6'))
    expect(cell('k-00001', 'var:subject').textContent).toBe('Edited by the CLI')
    expect(cell('k-added', 'var:lang').textContent).toBe('de')
    expect(cell('k-00000', 'var:lang').textContent).toBe('—')
  })

  it('edits a cell in place: Enter saves with cases.update, Esc cancels', async () => {
    const { core } = await openDataset(5)
    fireEvent.doubleClick(cell('k-00001', 'var:subject'))
    const editor = within(cell('k-00001', 'var:subject')).getByTestId<HTMLTextAreaElement>('cell-editor')
    expect(editor.value).toBe('Subject 1')
    fireEvent.change(editor, { target: { value: '<b>Refund</b> please' } })
    fireEvent.keyDown(editor, { key: 'Enter' })
    await waitFor(() => expect(screen.queryByTestId('cell-editor')).toBeNull())
    expect(calls(core, 'cases.update')[0]?.input).toEqual({
      caseId: 'ds-1-1',
      patch: { vars: { subject: '<b>Refund</b> please', body: 'Body 1' } },
    })
    expect(cell('k-00001', 'var:subject').textContent).toBe('<b>Refund</b> please')
    expect(cell('k-00001', 'var:subject').querySelector('b')).toBeNull()

    fireEvent.doubleClick(cell('k-00002', 'notes'))
    fireEvent.change(screen.getByTestId('cell-editor'), { target: { value: 'never saved' } })
    fireEvent.keyDown(screen.getByTestId('cell-editor'), { key: 'Escape' })
    expect(screen.queryByTestId('cell-editor')).toBeNull()
    expect(cell('k-00002', 'notes').textContent).toBe('')
    expect(calls(core, 'cases.update')).toHaveLength(1)
  })

  it('moves with the arrow keys, edits with Enter, and keeps the editor open with the reason on a conflict', async () => {
    const { core } = await openDataset(5)
    grid().focus()
    fireEvent.keyDown(grid(), { key: 'ArrowDown' })
    fireEvent.keyDown(grid(), { key: 'ArrowDown' })
    expect(row('k-00002').dataset.active).toBe('true')
    expect(cell('k-00002', 'key').dataset.active).toBe('true')
    fireEvent.keyDown(grid(), { key: 'Enter' })
    const editor = within(cell('k-00002', 'key')).getByTestId<HTMLInputElement>('cell-editor')
    fireEvent.change(editor, { target: { value: 'k-00000' } })
    fireEvent.keyDown(editor, { key: 'Enter' })
    const refused = await screen.findByTestId('cell-error')
    expect(refused.textContent).toContain('already has the key "k-00000"')
    // The core's message, then what to do about it (never a bare message or code).
    expect(refused.textContent).toContain('Choose another key: this one is already used.')
    expect(screen.getByTestId('cell-editor')).toBeTruthy()
    expect(calls(core, 'cases.update')).toHaveLength(1)

    fireEvent.change(screen.getByTestId('cell-editor'), { target: { value: 'k-renamed' } })
    fireEvent.keyDown(screen.getByTestId('cell-editor'), { key: 'Enter' })
    await waitFor(() => expect(row('k-renamed')).toBeTruthy())
    expect(screen.queryByTestId('cell-error')).toBeNull()

    fireEvent.keyDown(grid(), { key: 'ArrowRight' })
    expect(cell('k-renamed', 'var:subject').dataset.active).toBe('true')
    fireEvent.keyDown(grid(), { key: 'e' })
    expect(screen.getByTestId('case-panel').dataset.caseId).toBe('ds-1-2')
  })

  it('selects with checkboxes, Shift ranges and Ctrl/Cmd+A, and names the count', async () => {
    const { core } = await openDataset(1200)
    expect(selectionCount()).toBe('None selected')
    select('k-00002')
    select('k-00006', true)
    expect(selectionCount()).toBe('5 selected')
    expect(row('k-00004').dataset.selected).toBe('true')
    expect(row('k-00007').dataset.selected).toBe('false')

    fireEvent.keyDown(grid(), { key: 'a', ctrlKey: true })
    await waitFor(() => expect(selectionCount()).toBe('1,200 selected'))
    expect(calls(core, 'datasets.cases').map((c) => (c.input as { offset: number }).offset)).toEqual([
      0, 500, 1000,
    ])
    fireEvent.keyDown(grid(), { key: 'Escape' })
    expect(selectionCount()).toBe('None selected')
  })

  it('filters by search after 200 ms and by tag chips (all pressed tags required)', async () => {
    const { core } = await openDataset(30)
    fireEvent.change(screen.getByTestId('dataset-search'), { target: { value: 'Subject 1' } })
    expect(calls(core, 'datasets.cases')).toHaveLength(1)
    await waitFor(() =>
      expect(calls(core, 'datasets.cases').at(-1)?.input).toMatchObject({ search: 'Subject 1' }),
    )
    await waitFor(() => expect(rows().map((r) => r.dataset.caseKey)).toContain('k-00012'))
    expect(rows().map((r) => r.dataset.caseKey)).not.toContain('k-00002')

    const smb = screen.getAllByTestId('tag-filter').find((c) => c.dataset.tag === 'segment:smb')!
    expect(smb.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(smb)
    expect(smb.getAttribute('aria-pressed')).toBe('true')
    await waitFor(() =>
      expect(calls(core, 'datasets.cases').at(-1)?.input).toMatchObject({
        search: 'Subject 1',
        tags: ['segment:smb'],
      }),
    )
    await waitFor(() =>
      expect(rows().map((r) => r.dataset.caseKey)).toEqual(['k-00012', 'k-00015', 'k-00018']),
    )

    fireEvent.change(screen.getByTestId('dataset-search'), { target: { value: 'nothing like this' } })
    expect(await screen.findByTestId('cases-empty')).toBeTruthy()
    fireEvent.click(screen.getByTestId('clear-filters'))
    await waitFor(() => expect(rows()).toHaveLength(30))
    expect(screen.getByTestId<HTMLInputElement>('dataset-search').value).toBe('')
  })
})

describe('operations on selected cases', () => {
  it('tags the selection with cases.tag from the tag dialog', async () => {
    const { core } = await openDataset(20)
    expect(screen.getByTestId<HTMLButtonElement>('tag-cases').disabled).toBe(true)
    select('k-00000')
    select('k-00009', true)
    fireEvent.click(screen.getByTestId('tag-cases'))
    const dialog = screen.getByTestId('tag-dialog')
    expect(dialog.textContent).toContain('Tag 10 cases')
    fireEvent.change(within(dialog).getByTestId('tag-add-input'), { target: { value: 'cohort:beta, vip' } })
    fireEvent.click(
      within(dialog)
        .getAllByTestId('tag-remove')
        .find((c) => c.dataset.tag === 'segment:smb')!,
    )
    fireEvent.click(within(dialog).getByTestId('confirm-tag'))
    await waitFor(() => expect(screen.queryByTestId('tag-dialog')).toBeNull())
    const input = calls(core, 'cases.tag')[0]?.input as { caseIds: string[]; add: string[]; remove: string[] }
    expect(input.caseIds).toHaveLength(10)
    expect(input).toMatchObject({ add: ['cohort:beta', 'vip'], remove: ['segment:smb'] })
    expect(screen.getByTestId('case-op-status').textContent).toContain('Tagged 10 cases')
    await waitFor(() => expect(cell('k-00003', 'tags').textContent).toBe('cohort:betavip'))
    await waitFor(() =>
      expect(screen.getAllByTestId('tag-filter').map((c) => c.dataset.tag)).toContain('cohort:beta'),
    )
  })

  it('deletes after a confirmation naming the count, and duplicates', async () => {
    const { core } = await openDataset(6)
    select('k-00001')
    select('k-00002', true)
    fireEvent.click(screen.getByTestId('duplicate-cases'))
    await waitFor(() => expect(rows()).toHaveLength(8))
    expect(calls(core, 'cases.duplicate')[0]?.input).toEqual({ caseIds: ['ds-1-1', 'ds-1-2'] })

    fireEvent.click(screen.getByTestId('delete-cases'))
    expect(screen.getByTestId('delete-dialog').textContent).toContain('Delete 2 cases?')
    fireEvent.click(screen.getByTestId('confirm-delete'))
    await waitFor(() => expect(rows()).toHaveLength(6))
    expect(rows().map((r) => r.dataset.caseKey)).not.toContain('k-00001')
    expect(selectionCount()).toBe('None selected')
  })

  it('adds a case and fills it in the case panel', async () => {
    const { core } = await openDataset(2)
    fireEvent.click(screen.getByTestId('add-case'))
    const panel = await screen.findByTestId('case-panel')
    expect(calls(core, 'cases.add')[0]?.input).toMatchObject({ fields: { vars: { subject: '', body: '' } } })
    const values = within(panel).getAllByTestId('case-panel-var-value')
    fireEvent.change(values[0]!, { target: { value: 'Where is my order?' } })
    fireEvent.change(within(panel).getByTestId('case-panel-tags'), { target: { value: 'lang:en, new' } })
    fireEvent.change(within(panel).getByTestId('case-panel-expected'), {
      target: { value: '{"category": "shipping"}' },
    })
    fireEvent.click(within(panel).getByTestId('case-panel-save'))
    await screen.findByTestId('case-panel-saved')
    expect(calls(core, 'cases.update')[0]?.input).toMatchObject({
      patch: {
        vars: { subject: 'Where is my order?', body: '' },
        tags: ['lang:en', 'new'],
        expected: { category: 'shipping' },
        expectedOutput: null,
      },
    })
    await waitFor(() => expect(rows()).toHaveLength(3))
  })
})

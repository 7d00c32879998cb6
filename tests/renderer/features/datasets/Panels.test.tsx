import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeCore } from '../../fixtures/fake-core'
import type { FakeCoreState } from '../../fixtures/fake-core'
import { calls, mockTableViewport, openDataset, rows } from './helpers'

let restoreViewport = () => undefined as void
beforeEach(() => {
  restoreViewport = mockTableViewport()
})
afterEach(() => {
  restoreViewport()
  cleanup()
  vi.restoreAllMocks()
  history.replaceState(null, '', '/')
})

/** Snapshot 1 of the seeded dataset, then edits to the working copy: k-00001 edited, k-00002 removed, one added. */
function withSnapshotThenEdits(state: FakeCoreState) {
  const core = createFakeCore(state)
  void core.handlers['datasets.snapshot']!({ datasetId: 'ds-1', message: 'First cut' })
  const cases = state.cases['ds-1']!
  cases[1] = {
    ...cases[1]!,
    vars: { ...cases[1]!.vars, subject: 'Subject one, reworded' },
    tags: ['segment:smb', 'vip'],
  }
  cases.splice(2, 1)
  cases.push({ ...cases[0]!, id: 'new-1', key: 'k-new' })
}

describe('snapshots', () => {
  it('opens a diff from the address and shows counts and each changed field before and after', async () => {
    await openDataset(5, withSnapshotThenEdits)
    // (openDataset opened the cases; now follow a pasted link)
    history.replaceState(null, '', '#/datasets/ds-1/diff/1..working')
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    const diff = await screen.findByTestId('snapshot-diff')
    await waitFor(() =>
      expect(screen.getByTestId('diff-summary').textContent).toBe('added 1removed 1edited 1unchanged 3'),
    )
    expect(within(screen.getByTestId('diff-added')).getByTestId('diff-case').dataset.key).toBe('k-new')
    expect(within(screen.getByTestId('diff-removed')).getByTestId('diff-case').dataset.key).toBe('k-00002')
    const edited = within(screen.getByTestId('diff-edited')).getByTestId('diff-case')
    expect(edited.dataset.key).toBe('k-00001')
    const fields = within(edited).getAllByTestId('field-change')
    expect(fields.map((f) => f.dataset.field)).toEqual(['vars.subject', 'tags'])
    expect(within(fields[0]!).getByTestId('field-before').textContent).toBe('Subject 1')
    expect(within(fields[0]!).getByTestId('field-after').querySelector('ins')?.textContent).toBe(
      'one, reworded',
    )
    const texts = (selector: string) => [...fields[1]!.querySelectorAll(selector)].map((t) => t.textContent)
    expect(texts('ins')).toEqual(['segment:smb', 'vip'])
    expect(texts('del')).toEqual(['segment:enterprise'])
    expect(screen.getByTestId<HTMLSelectElement>('diff-to').value).toBe('working')
    expect(location.hash).toBe('#/datasets/ds-1/diff/1..working')
    expect(diff).toBeTruthy()

    fireEvent.click(screen.getByTestId('diff-back'))
    expect(screen.queryByTestId('snapshot-diff')).toBeNull()
    expect(location.hash).toBe('#/datasets/ds-1')
  })

  it('takes a snapshot with a message, lists it, and compares it with the working copy', async () => {
    const { core } = await openDataset(3)
    expect(screen.getByTestId('snapshot-badge').textContent).toBe('no snapshot yet')
    fireEvent.click(screen.getByTestId('snapshot-create'))
    fireEvent.change(screen.getByTestId('snapshot-message'), { target: { value: 'Ready for the v2 run' } })
    fireEvent.click(screen.getByTestId('confirm-snapshot'))
    await waitFor(() => expect(screen.queryByTestId('snapshot-dialog')).toBeNull())
    expect(calls(core, 'datasets.snapshot')[0]?.input).toEqual({
      datasetId: 'ds-1',
      message: 'Ready for the v2 run',
    })
    await waitFor(() => expect(screen.getByTestId('snapshot-badge').textContent).toBe('same as snapshot 1'))

    fireEvent.click(screen.getByTestId('dataset-tab-snapshots'))
    const item = screen.getByTestId('snapshot-item')
    expect(item.dataset.number).toBe('1')
    expect(item.textContent).toContain('Ready for the v2 run')
    expect(item.textContent).toContain('3 cases')
    expect(screen.getByTestId<HTMLSelectElement>('diff-to').value).toBe('working')
    fireEvent.click(screen.getByTestId('snapshot-compare'))
    await waitFor(() => expect(screen.getByTestId('diff-summary').textContent).toContain('unchanged 3'))
    expect(screen.getByTestId('diff-none')).toBeTruthy()
    expect(location.hash).toBe('#/datasets/ds-1/diff/1..working')
  })

  it('exports the working copy or a snapshot as a download', async () => {
    const { core } = await openDataset(3, (state) => {
      void createFakeCore(state).handlers['datasets.snapshot']!({ datasetId: 'ds-1', message: '' })
    })
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob)
      return 'blob:test'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const names: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download)
    })
    fireEvent.click(screen.getByTestId('export-jsonl'))
    await waitFor(() => expect(names).toEqual(['ds-1.jsonl']))
    expect((await blobs[0]!.text()).trim().split('\n')).toHaveLength(3)

    const source = screen.getByTestId<HTMLSelectElement>('export-source')
    fireEvent.change(source, { target: { value: source.options[1]!.value } })
    fireEvent.click(screen.getByTestId('export-csv'))
    await waitFor(() => expect(names).toHaveLength(2))
    expect(calls(core, 'datasets.export').at(-1)?.input).toMatchObject({
      format: 'csv',
      snapshotId: source.value,
    })
  })
})

describe('a write from anywhere', () => {
  it('a rename and a snapshot made by another client refresh the open dataset', async () => {
    const { core, state } = await openDataset(5)
    expect(screen.getByTestId('snapshot-badge').textContent).toBe('no snapshot yet')
    state.datasets[0] = { ...state.datasets[0]!, name: 'Renamed by the CLI' }
    void core.handlers['datasets.snapshot']!({ datasetId: 'ds-1', message: 'Taken by the CLI' })
    core.transport.emit('db.changed', { tables: ['datasets', 'dataset_snapshots', 'audit_log'] })
    await waitFor(() => expect(screen.getByTestId('dataset-name').textContent).toBe('Renamed by the CLI'))
    expect(screen.getByTestId('snapshot-badge').textContent).toBe('same as snapshot 1')
  })
})

describe('coverage and duplicates', () => {
  it('shows cases per tag with thin segments marked and named, and filters by a clicked tag', async () => {
    const { core } = await openDataset(60, (state) => {
      state.cases['ds-1']![0]!.tags.push('lang:de')
    })
    const panel = screen.getByTestId('coverage-panel')
    const tags = within(panel).getAllByTestId('coverage-tag')
    expect(tags.map((t) => [t.dataset.tag, t.dataset.thin])).toEqual([
      ['lang:de', 'true'],
      ['segment:enterprise', 'false'],
      ['segment:smb', 'false'],
    ])
    expect(screen.getByTestId('coverage-summary').textContent).toContain('lang:de (1 case)')
    fireEvent.click(tags[0]!)
    await waitFor(() =>
      expect(calls(core, 'datasets.cases').at(-1)?.input).toMatchObject({ tags: ['lang:de'] }),
    )
    await waitFor(() => expect(rows()).toHaveLength(1))
  })

  it('finds exact duplicates and selects a group', async () => {
    await openDataset(6, (state) => {
      const cases = state.cases['ds-1']!
      cases[4]!.vars = { ...cases[1]!.vars }
    })
    fireEvent.click(screen.getByTestId('dataset-tab-duplicates'))
    fireEvent.click(screen.getByTestId('find-duplicates'))
    const group = await screen.findByTestId('duplicate-group')
    expect(group.textContent).toContain('k-00001')
    expect(group.textContent).toContain('k-00004')
    fireEvent.click(within(group).getByTestId('select-duplicates'))
    expect(screen.getByTestId('selection-count').textContent).toBe('2 selected')
  })

  it('follows a write from anywhere: a duplicate case added by another client joins the shown groups', async () => {
    const { core, state } = await openDataset(6, (st) => {
      const cases = st.cases['ds-1']!
      cases[4]!.vars = { ...cases[1]!.vars }
    })
    fireEvent.click(screen.getByTestId('dataset-tab-duplicates'))
    fireEvent.click(screen.getByTestId('find-duplicates'))
    const group = await screen.findByTestId('duplicate-group')
    expect(group.textContent).not.toContain('k-00005')
    // The CLI (another client of the same core) edits a case into a third copy of the same inputs.
    const cases = state.cases['ds-1']!
    cases[5] = { ...cases[5]!, vars: { ...cases[1]!.vars } }
    core.transport.emit('db.changed', { tables: ['dataset_cases', 'case_revisions'] })
    await waitFor(() => expect(screen.getByTestId('duplicate-group').textContent).toContain('k-00005'))
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient } from '../../../renderer/src/api'
import { toBase64 } from '../../../renderer/src/features/datasets/import/read-file'
import { failingRowsOf, importBlocker } from '../../../renderer/src/stores/datasets/import-selectors'
import { createImportStore } from '../../../renderer/src/stores/datasets/import-store'
import { createFakeCore, defaultState } from '../fixtures/fake-core'

afterEach(() => {
  vi.useRealTimers()
})

const csv = (text: string) => toBase64(new TextEncoder().encode(text))
const good = 'id,subject,segment\nt-1,Refund please,smb\nt-2,App crashes,enterprise\n'
const withBadRows =
  'id,subject,segment\nt-1,Refund please,smb\n,No key here,smb\nt-3,Fine,smb\nt-4,extra,cell,here\n'

function setup() {
  const core = createFakeCore(defaultState())
  const store = createImportStore(createClient(core.transport), 250)
  const previews = () =>
    core.transport.calls
      .filter((c) => c.method === 'datasets.importPreview')
      .map((c) => c.input as Record<string, unknown>)
  return { core, store, previews, actions: store.getState().actions }
}

describe('import store', () => {
  it('previews a file with the suggested mapping, then sends the edited mapping after 250 ms of quiet', async () => {
    vi.useFakeTimers()
    const { store, previews, actions } = setup()
    actions.openImport(null)
    await actions.setFile({ name: 'support_tickets.csv', base64: csv(good), size: good.length })
    expect(previews()).toHaveLength(1)
    expect(previews()[0]).not.toHaveProperty('mapping')
    expect(store.getState().target.name).toBe('support tickets')
    expect(store.getState().preview?.mapping).toEqual({
      id: { role: 'key' },
      subject: { role: 'var', name: 'subject' },
      segment: { role: 'tag', prefix: 'segment' },
    })

    actions.setRole('segment', 'var')
    actions.setRoleField('segment', 'name', 'customer_segment')
    actions.setRole('subject', 'expected')
    actions.setRoleField('subject', 'type', 'number')
    await vi.advanceTimersByTimeAsync(200)
    expect(previews()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(60)
    expect(previews()).toHaveLength(2)
    expect(previews()[1]?.mapping).toEqual({
      id: { role: 'key' },
      subject: { role: 'expected', name: 'subject', type: 'number' },
      segment: { role: 'var', name: 'customer_segment' },
    })
  })

  it('does not call the core while a role misses its name, and names the column', async () => {
    vi.useFakeTimers()
    const { store, previews, actions } = setup()
    actions.openImport(null)
    await actions.setFile({ name: 't.csv', base64: csv(good), size: 1 })
    actions.setRoleField('subject', 'name', '  ')
    actions.setRole('segment', 'var')
    actions.setRoleField('segment', 'name', 'subject')
    await vi.advanceTimersByTimeAsync(300)
    expect(previews()).toHaveLength(1)
    expect(store.getState().mappingErrors).toEqual({ subject: 'a name is required' })
    actions.setRoleField('subject', 'name', 'subject')
    await vi.advanceTimersByTimeAsync(300)
    expect(store.getState().mappingErrors).toEqual({
      segment: 'The variable "subject" is already column "subject"',
    })
    expect(importBlocker(store.getState())).toBe('Fix the column mapping first.')
  })

  it('blocks the import while rows fail, until they are excluded explicitly; commit sends the exclusions', async () => {
    const { core, store, previews, actions } = setup()
    actions.openImport(null)
    await actions.setFile({ name: 'tickets.csv', base64: csv(withBadRows), size: 1 })
    const preview = store.getState().preview!
    expect(preview.counts).toEqual({ rows: 4, valid: 2, failing: 2, excluded: 0 })
    expect(importBlocker(store.getState())).toBe('2 rows fail: fix the mapping, or exclude them explicitly.')

    actions.toggleExclude(2)
    await store.getState().actions.flush()
    expect(previews().at(-1)?.excludeRows).toEqual([2])
    expect(importBlocker(store.getState())).toMatch(/^1 row fails/)
    // The excluded row is still listed, so it can be brought back.
    expect(failingRowsOf(store.getState()).map((r) => r.row)).toEqual([2, 4])

    actions.excludeAllFailing()
    await store.getState().actions.flush()
    expect(previews().at(-1)?.excludeRows).toEqual([2, 4])
    expect(store.getState().preview?.counts).toEqual({ rows: 4, valid: 2, failing: 0, excluded: 2 })
    expect(importBlocker(store.getState())).toBeNull()

    const detail = await actions.commit()
    expect(detail?.dataset).toMatchObject({ name: 'tickets', caseCount: 2 })
    expect(core.transport.calls.find((c) => c.method === 'datasets.importCommit')?.input).toMatchObject({
      excludeRows: [2, 4],
      mapping: { id: { role: 'key' } },
      target: { kind: 'new', name: 'tickets' },
    })
  })

  it('shows the rows and columns the core names when it refuses the file', async () => {
    const { store, actions } = setup()
    actions.openImport(null)
    await actions.setFile({ name: 'tickets.csv', base64: csv(withBadRows), size: 1 })
    expect(await actions.commit()).toBeNull()
    expect(store.getState().committing.error?.code).toBe('INVALID_INPUT')
    expect(store.getState().issues).toEqual([
      expect.objectContaining({ row: 2, line: 3, column: 'id', message: 'The key is empty' }),
      expect.objectContaining({ row: 4, message: 'has 4 cells, not 3' }),
    ])
  })

  it('imports into an existing dataset, replacing its cases, and takes variables from a prompt', async () => {
    const { core, store, previews, actions } = setup()
    actions.openImport('ds-x')
    expect(store.getState().target).toMatchObject({ kind: 'existing', datasetId: 'ds-x' })
    await actions.pickPrompt('p-reply')
    expect(store.getState().knownVariables).toEqual(['ticket'])
    await actions.setFile({ name: 't.csv', base64: csv('key,Ticket\na,hello\n'), size: 1 })
    expect(previews().at(-1)?.knownVariables).toEqual(['ticket'])
    expect(store.getState().preview?.mapping.Ticket).toEqual({ role: 'var', name: 'ticket' })
    actions.setTarget({ mode: 'replace' })
    await actions.commit()
    expect(core.transport.calls.at(-1)?.input).toMatchObject({
      target: { kind: 'existing', datasetId: 'ds-x', mode: 'replace' },
    })
  })
})

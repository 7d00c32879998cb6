import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FakeCoreState } from '../../fixtures/fake-core'
import { createFakeCore } from '../../fixtures/fake-core'
import { calls, cell, mockTableViewport, openDataset, row } from './helpers'

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

const hostile = '<b>Refund</b> <img src=x onerror="alert(1)">'

/** Case k-00001 is a conversation case with canned tool results; the others are single-turn. */
function withConversation(state: FakeCoreState) {
  const cases = state.cases['ds-1']!
  cases[1] = {
    ...cases[1]!,
    conversation: [
      { role: 'user', content: hostile },
      { role: 'assistant', content: 'Which order?' },
    ],
    toolResults: { lookup_order: 'shipped' },
  }
}

/** Expected fields are edited in the panel only: double-clicking them opens the case's panel. */
function openPanel(key: string) {
  fireEvent.doubleClick(cell(key, 'expected'))
  const panel = screen.getByTestId('case-panel')
  expect(panel.dataset.caseId).toBe(row(key).dataset.caseId)
  return panel
}

describe('conversation cases in the dataset screen', () => {
  it('marks conversation cases in the list, their turns as text', async () => {
    await openDataset(3, withConversation)
    const badge = within(row('k-00001')).getByTestId('case-conversation-badge')
    expect(badge.textContent).toBe('2 turns')
    expect(badge.title).toBe(`user: ${hostile}\n\nassistant: Which order?`)
    expect(within(row('k-00000')).queryByTestId('case-conversation-badge')).toBeNull()
    expect(document.querySelector('img')).toBeNull()
  })

  it('shows the turns and canned results in the case panel as text, and saves edits to them', async () => {
    const { core } = await openDataset(3, withConversation)
    const panel = openPanel('k-00001')
    const contents = within(panel).getAllByTestId<HTMLTextAreaElement>('case-panel-turn-content')
    expect(contents.map((t) => t.value)).toEqual([hostile, 'Which order?'])
    expect(panel.querySelector('b, img')).toBeNull()
    const roles = within(panel).getAllByTestId<HTMLSelectElement>('case-panel-turn-role')
    expect(roles.map((r) => r.value)).toEqual(['user', 'assistant'])
    expect(within(panel).getByTestId<HTMLTextAreaElement>('case-panel-tool-results').value).toBe(
      '{\n  "lookup_order": "shipped"\n}',
    )

    fireEvent.click(within(panel).getByTestId('case-panel-add-turn'))
    const added = within(panel).getAllByTestId<HTMLTextAreaElement>('case-panel-turn-content')[2]!
    fireEvent.change(added, { target: { value: 'Order 7, {{subject}}' } })
    fireEvent.change(within(panel).getByTestId('case-panel-tool-results'), { target: { value: '' } })
    fireEvent.click(within(panel).getByTestId('case-panel-save'))
    await screen.findByTestId('case-panel-saved')
    expect(calls(core, 'cases.update')[0]?.input).toMatchObject({
      caseId: 'ds-1-1',
      patch: {
        conversation: [
          { role: 'user', content: hostile },
          { role: 'assistant', content: 'Which order?' },
          { role: 'user', content: 'Order 7, {{subject}}' },
        ],
        toolResults: null,
      },
    })
    await waitFor(() =>
      expect(within(row('k-00001')).getByTestId('case-conversation-badge').textContent).toBe('3 turns'),
    )
  })

  it('refuses tool results that are not an object of texts, and removes the last turn to make a single-turn case', async () => {
    const { core } = await openDataset(3, withConversation)
    const panel = openPanel('k-00001')
    fireEvent.change(within(panel).getByTestId('case-panel-tool-results'), {
      target: { value: '{"lookup_order": 7}' },
    })
    fireEvent.click(within(panel).getByTestId('case-panel-save'))
    expect((await within(panel).findByRole('alert')).textContent).toContain(
      'Tool results must be a JSON object',
    )
    expect(calls(core, 'cases.update')).toHaveLength(0)

    fireEvent.change(within(panel).getByTestId('case-panel-tool-results'), { target: { value: '' } })
    for (const remove of within(panel).getAllByTestId('case-panel-turn-remove').reverse())
      fireEvent.click(remove)
    expect(within(panel).queryAllByTestId('case-panel-turn')).toHaveLength(0)
    fireEvent.click(within(panel).getByTestId('case-panel-save'))
    await screen.findByTestId('case-panel-saved')
    expect(calls(core, 'cases.update')[0]?.input).toMatchObject({ patch: { conversation: null } })
    await waitFor(() => expect(within(row('k-00001')).queryByTestId('case-conversation-badge')).toBeNull())
  })

  it('shows a conversation change in the snapshot diff as text', async () => {
    await openDataset(3, (state) => {
      withConversation(state)
      const core = createFakeCore(state)
      void core.handlers['datasets.snapshot']!({ datasetId: 'ds-1', message: 'First cut' })
      const chat = state.cases['ds-1']![1]!
      state.cases['ds-1']![1] = {
        ...chat,
        conversation: [...(chat.conversation ?? []), { role: 'user', content: 'It is <i>late</i>' }],
      }
    })
    history.replaceState(null, '', '#/datasets/ds-1/diff/1..working')
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    const diff = await screen.findByTestId('snapshot-diff')
    const edited = await within(diff).findByTestId('diff-edited')
    const field = within(edited).getByTestId('field-change')
    expect(field.dataset.field).toBe('conversation')
    expect(field.querySelector('dt')?.textContent).toBe('conversation')
    expect(within(field).getByTestId('field-after').textContent).toBe(
      `user: ${hostile}\n\nassistant: Which order?\n\nuser: It is <i>late</i>`,
    )
    expect(field.querySelector('i, b, img')).toBeNull()
  })
})

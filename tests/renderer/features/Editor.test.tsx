import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { DatasetCase } from '../../../shared/domain/datasets'
import { createFakeCore, defaultState } from '../fixtures/fake-core'
import { appState, renderApp } from './render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

async function openReply(state = defaultState()) {
  const core = createFakeCore(state)
  renderApp(core.transport)
  await waitFor(() => expect(appState()).toBe('ready'))
  fireEvent.click(screen.getAllByTestId('prompt-item')[0]!)
  await screen.findByTestId('editor-tab')
  return core
}

const editor = (i: number) =>
  within(screen.getByTestId(`message-editor-${i}`)).getByRole<HTMLTextAreaElement>('textbox')
const change = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } })
const saveCall = (core: ReturnType<typeof createFakeCore>) =>
  core.transport.calls.filter((c) => c.method === 'prompts.saveVersion').at(-1)?.input

describe('model pinning', () => {
  it('warns that the shown model is a moving alias and switches to a pinned snapshot', async () => {
    const core = await openReply()
    const warning = screen.getByTestId('model-warning')
    expect(warning.textContent).toContain('"gpt-4o-mini" has no dated snapshot')
    fireEvent.click(within(warning).getByTestId('model-alternative'))
    expect(screen.getByTestId<HTMLInputElement>('model-id').value).toBe('gpt-4o-mini-2024-07-18')
    expect(screen.queryByTestId('model-warning')).toBeNull()
    expect(screen.getByTestId('draft-dirty')).toBeTruthy()

    change('commit-message', 'Pin the snapshot')
    fireEvent.click(screen.getByTestId('save-version'))
    expect((await screen.findByTestId('save-status')).textContent).toBe('Saved as v3.')
    expect(saveCall(core)).toMatchObject({ model: { provider: 'openai', model: 'gpt-4o-mini-2024-07-18' } })
    expect(saveCall(core)).not.toHaveProperty('params')
  })
})

describe('params and messages', () => {
  it('validates the JSON schema before saving, then saves the params', async () => {
    const core = await openReply()
    change('param-response-format', 'json_schema')
    change('param-schema-name', 'reply')
    change('param-json-schema', '{ "type": "object", }')
    expect(screen.getByTestId('param-json-schema').closest('label')?.textContent).toMatch(/Not valid JSON/)
    change('commit-message', 'Structured output')
    fireEvent.click(screen.getByTestId('save-version'))
    expect((await screen.findByTestId('save-error')).textContent).toContain(
      'Fix the model parameters first (schemaText)',
    )
    expect(saveCall(core)).toBeUndefined()

    change('param-json-schema', '{ "type": "object" }')
    change('param-seed', '11')
    fireEvent.click(screen.getByTestId('save-version'))
    await screen.findByTestId('save-status')
    expect(saveCall(core)).toMatchObject({
      params: {
        temperature: 0.2,
        maxTokens: 512,
        seed: 11,
        responseFormat: { type: 'json_schema', name: 'reply', schema: { type: 'object' } },
      },
    })
  })

  it('adds, reorders, re-roles and removes messages in the draft', async () => {
    const core = await openReply()
    fireEvent.click(screen.getByTestId('add-message'))
    fireEvent.change(editor(2), { target: { value: 'Sure.' } })
    expect(screen.getByTestId('message-2').dataset.role).toBe('assistant')
    fireEvent.click(screen.getByTestId('message-up-2'))
    expect(editor(1).value).toBe('Sure.')
    change('message-role-1', 'user')
    fireEvent.click(screen.getByTestId('message-remove-0'))
    change('commit-message', 'Reshape')
    fireEvent.keyDown(editor(0), { key: 's', code: 'KeyS', ctrlKey: true })
    await screen.findByTestId('save-status')
    expect(saveCall(core)).toMatchObject({
      messages: [
        { role: 'user', content: 'Sure.' },
        { role: 'user', content: 'Ticket: {{ticket}}\nBe brief.' },
      ],
    })
  })

  it('offers to save anyway when the core refuses a new variable', async () => {
    const core = await openReply()
    fireEvent.change(editor(1), { target: { value: 'Ticket: {{ticket}} in {{language}}' } })
    change('commit-message', 'Answer in the ticket language')
    fireEvent.click(screen.getByTestId('save-version'))
    expect((await screen.findByTestId('save-error')).textContent).toContain('Unknown variable {{language}}')
    fireEvent.click(screen.getByTestId('save-allow-new-variables'))
    expect((await screen.findByTestId('save-status')).textContent).toBe('Saved as v3.')
    expect(saveCall(core)).toMatchObject({ allowNewVariables: true })
  })
})

describe('preview', () => {
  const cases: DatasetCase[] = Array.from({ length: 120 }, (_, i) => ({
    id: `c${i}`,
    key: `tkt-${String(i).padStart(4, '0')}`,
    vars: { ticket: i === 42 ? 'My <b>card</b> was charged twice' : `ticket ${i}`, extra: 'x' },
    expected: {},
    expectedOutput: null,
    tags: ['lang:en'],
    notes: '',
  }))

  it('renders typed values as text, and names missing variables, tokens and cost', async () => {
    await openReply()
    const panel = screen.getByTestId('preview-panel')
    await waitFor(() => expect(within(panel).getByTestId('preview-missing').textContent).toContain('ticket'))
    expect(within(panel).getByTestId('preview-tokens').textContent).toMatch(/≈ \d+ \(approximate\)/)
    expect(within(panel).getByTestId('preview-cost').textContent).toContain('list price of gpt-4o-mini')
    fireEvent.change(within(panel).getByTestId('preview-var'), {
      target: { value: '<img src=x onerror=alert(1)>' },
    })
    await waitFor(() => expect(within(panel).queryByTestId('preview-missing')).toBeNull())
    expect(within(panel).getByTestId('preview-messages').textContent).toContain(
      '<img src=x onerror=alert(1)>',
    )
    expect(panel.querySelector('img')).toBeNull()
    fireEvent.change(editor(1), { target: { value: 'Only {{other}}' } })
    await waitFor(() => expect(within(panel).getByTestId('preview-unused').textContent).toContain('ticket'))
  })

  it('follows a write from anywhere: a case added by another client joins the open case picker', async () => {
    const state = defaultState()
    state.datasets = [
      {
        id: 'd1',
        name: 'Tickets',
        description: '',
        caseCount: 3,
        tagCounts: {},
        updatedAt: '2025-01-01T00:00:00Z',
        snapshotCount: 0,
        parentId: null,
      },
    ]
    state.cases = { d1: cases.slice(0, 3) }
    const core = await openReply(state)
    const panel = screen.getByTestId('preview-panel')
    fireEvent.click(within(panel).getByTestId('preview-source-case'))
    await waitFor(() =>
      expect(within(panel).getByTestId<HTMLSelectElement>('preview-dataset').options).toHaveLength(2),
    )
    fireEvent.change(within(panel).getByTestId('preview-dataset'), { target: { value: 'd1' } })
    await waitFor(() => expect(within(panel).getAllByTestId('case-item')).toHaveLength(3))
    // The CLI imports one more case into the dataset (another client of the same core).
    state.cases['d1']!.push({ ...cases[0]!, id: 'c-cli', key: 'tkt-cli' })
    core.transport.emit('db.changed', { tables: ['dataset_cases', 'datasets'] })
    await waitFor(() => expect(within(panel).getAllByTestId('case-item')).toHaveLength(4))
  })

  it('fills variables from a dataset case, paged and found by key', async () => {
    const state = defaultState()
    state.datasets = [
      {
        id: 'd1',
        name: 'Tickets',
        description: '',
        caseCount: 120,
        tagCounts: {},
        updatedAt: '2025-01-01T00:00:00Z',
        snapshotCount: 0,
        parentId: null,
      },
    ]
    state.cases = { d1: cases }
    await openReply(state)
    const panel = screen.getByTestId('preview-panel')
    fireEvent.click(within(panel).getByTestId('preview-source-case'))
    await waitFor(() =>
      expect(within(panel).getByTestId<HTMLSelectElement>('preview-dataset').options).toHaveLength(2),
    )
    fireEvent.change(within(panel).getByTestId('preview-dataset'), { target: { value: 'd1' } })
    await waitFor(() => expect(within(panel).getAllByTestId('case-item')).toHaveLength(50))
    expect(panel.textContent).toContain('1–50 of 120')
    fireEvent.click(within(panel).getByTestId('cases-next'))
    await waitFor(() =>
      expect(within(panel).getAllByTestId('case-item')[0]!.dataset.caseKey).toBe('tkt-0050'),
    )

    fireEvent.change(within(panel).getByTestId('case-search'), { target: { value: '0042' } })
    await waitFor(() => expect(within(panel).getAllByTestId('case-item')).toHaveLength(1))
    fireEvent.click(within(panel).getByTestId('case-item'))
    expect(within(panel).getByTestId('preview-case').textContent).toContain('tkt-0042')
    await waitFor(() =>
      expect(within(panel).getByTestId('preview-messages').textContent).toContain(
        'My <b>card</b> was charged twice',
      ),
    )
    expect(within(panel).getByTestId('preview-messages').querySelector('b')).toBeNull()
    expect(within(panel).getByTestId('preview-unused').textContent).toContain('extra')
  })
})

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { DatasetCase } from '../../../shared/domain/datasets'
import { createFakeCore, defaultState, version } from '../fixtures/fake-core'
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

const toolsBox = () => within(screen.getByTestId('tools-editor')).getByRole<HTMLTextAreaElement>('textbox')
const change = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } })
const saveCall = (core: ReturnType<typeof createFakeCore>) =>
  core.transport.calls.filter((c) => c.method === 'prompts.saveVersion').at(-1)?.input

const routeTicket = {
  name: 'route_ticket',
  description: 'Send the ticket to a queue',
  parameters: { type: 'object', properties: { queue: { type: 'string' } }, required: ['queue'] },
}

describe('conversation placeholder', () => {
  it('is added once after the system messages, shown as a placeholder, moved and removed like a message', async () => {
    const core = await openReply()
    const add = screen.getByTestId<HTMLButtonElement>('add-placeholder')
    fireEvent.click(add)
    const placeholder = screen.getByTestId('message-1')
    expect(placeholder.dataset.role).toBe('conversation')
    expect(within(placeholder).queryByRole('textbox')).toBeNull()
    expect(screen.getByTestId('message-placeholder-1').textContent).toContain(
      "The case's conversation goes here",
    )
    expect(add.disabled).toBe(true)
    // A text message cannot be turned into a second placeholder.
    const roles = [...screen.getByTestId<HTMLSelectElement>('message-role-0').options].map((o) => o.value)
    expect(roles).toEqual(['system', 'user', 'assistant'])

    fireEvent.click(screen.getByTestId('message-down-1'))
    expect(screen.getByTestId('message-2').dataset.role).toBe('conversation')
    fireEvent.click(screen.getByTestId('message-up-2'))
    change('commit-message', 'Place the conversation')
    fireEvent.click(screen.getByTestId('save-version'))
    await screen.findByTestId('save-status')
    expect(saveCall(core)).toMatchObject({
      messages: [
        { role: 'system', content: 'You are a support agent.' },
        { role: 'conversation', content: '' },
        { role: 'user', content: 'Ticket: {{ticket}}\nBe brief.' },
      ],
    })
    fireEvent.click(screen.getByTestId('message-remove-1'))
    expect(screen.getAllByTestId(/^message-\d$/).map((m) => m.dataset.role)).toEqual(['system', 'user'])
    expect(screen.getByTestId<HTMLButtonElement>('add-placeholder').disabled).toBe(false)
  })
})

describe('tools', () => {
  it('names the tool and field of each problem and refuses to save until they are fixed', async () => {
    const core = await openReply()
    fireEvent.change(toolsBox(), {
      target: {
        value: JSON.stringify([
          routeTicket,
          { ...routeTicket, parameters: { type: 'string' } },
          { name: 'bad name', parameters: { type: 'object' } },
          { type: 'function', function: routeTicket },
        ]),
      },
    })
    const problems = within(screen.getByTestId('tools-problems'))
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(problems).toEqual([
      'Tool 2 ("route_ticket") field parameters has type "string": it must be a JSON Schema with "type": "object"',
      'Tool 3 ("bad name"): field name: a tool name is 1–64 letters, digits, _ or -',
      expect.stringMatching(/^Tool 4: .*function/),
    ])
    change('commit-message', 'Tools')
    fireEvent.click(screen.getByTestId('save-version'))
    expect((await screen.findByTestId('save-error')).textContent).toContain('Fix the tools first: Tool 2')
    expect(saveCall(core)).toBeUndefined()

    fireEvent.change(toolsBox(), { target: { value: '[{"name": "a", "parameters": {"type": "object"}}' } })
    expect(screen.getByTestId('tools-problems').textContent).toMatch(/^Not valid JSON/)
  })

  it('saves tools, a named tool choice and a step limit; the choice must name a defined tool', async () => {
    const core = await openReply()
    fireEvent.change(toolsBox(), { target: { value: JSON.stringify([routeTicket]) } })
    expect(screen.getByTestId('tools-count').textContent).toBe('1 defined')
    change('tool-choice', 'tool:route_ticket')
    change('max-tool-steps', '30')
    expect(screen.getByTestId('max-tool-steps').closest('label')?.textContent).toContain('At most 20')
    change('max-tool-steps', '3')
    change('commit-message', 'Route with a tool')
    fireEvent.click(screen.getByTestId('save-version'))
    await screen.findByTestId('save-status')
    expect(saveCall(core)).toMatchObject({
      params: { tools: [routeTicket], toolChoice: { name: 'route_ticket' }, maxToolSteps: 3 },
    })

    // Renaming the tool leaves the choice pointing at nothing: shown, and not saved.
    fireEvent.change(toolsBox(), {
      target: { value: JSON.stringify([{ ...routeTicket, name: 'route' }]) },
    })
    expect(screen.getByTestId('tool-choice').closest('label')?.textContent).toContain(
      'No tool named "route_ticket" is defined',
    )
  })

  it('adds an example tool to edit', async () => {
    await openReply()
    fireEvent.click(screen.getByTestId('tools-add-example'))
    fireEvent.click(screen.getByTestId('tools-add-example'))
    const tools = JSON.parse(toolsBox().value) as { name: string }[]
    expect(tools.map((t) => t.name)).toEqual(['my_tool', 'my_tool_2'])
  })
})

describe('preview of a conversation case', () => {
  it('shows the case turns where the placeholder is, and the tools offered', async () => {
    const state = defaultState()
    const conversationCase: DatasetCase = {
      id: 'c1',
      key: 'chat-1',
      vars: { ticket: 'Refund please' },
      expected: {},
      expectedOutput: null,
      tags: [],
      notes: '',
      conversation: [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Hi, how can I help?' },
      ],
    }
    state.datasets = [
      {
        id: 'd1',
        name: 'Chats',
        description: '',
        caseCount: 1,
        tagCounts: {},
        updatedAt: '2025-01-01T00:00:00Z',
        snapshotCount: 0,
        parentId: null,
      },
    ]
    state.cases = { d1: [conversationCase] }
    const fake = await openReply(state)
    fireEvent.click(screen.getByTestId('add-placeholder'))
    fireEvent.change(toolsBox(), { target: { value: JSON.stringify([routeTicket]) } })
    const panel = screen.getByTestId('preview-panel')
    fireEvent.click(within(panel).getByTestId('preview-source-case'))
    await waitFor(() =>
      expect(within(panel).getByTestId<HTMLSelectElement>('preview-dataset').options).toHaveLength(2),
    )
    fireEvent.change(within(panel).getByTestId('preview-dataset'), { target: { value: 'd1' } })
    const item = await within(panel).findByTestId('case-item')
    expect(within(item).getByTestId('case-turns').textContent).toBe(' · 2 turns')
    fireEvent.click(item)
    await waitFor(() =>
      expect(within(panel).getByTestId('preview-messages').querySelectorAll('li')).toHaveLength(4),
    )
    const items = [...within(panel).getByTestId('preview-messages').querySelectorAll('li')]
    expect(items.map((li) => [li.dataset.role, li.dataset.fromCase ?? null])).toEqual([
      ['system', null],
      ['user', 'true'],
      ['assistant', 'true'],
      ['user', null],
    ])
    expect(items[2]!.textContent).toContain('Hi, how can I help?')
    expect(within(panel).getByTestId('preview-tool').dataset.tool).toBe('route_ticket')
    const sent = fake.transport.calls.filter((c) => c.method === 'prompts.preview').at(-1)?.input
    expect(sent).toMatchObject({ caseKey: 'chat-1', conversation: conversationCase.conversation })
  })
})

describe('diff of tools', () => {
  it('lists tools, tool choice and step limit in the table and diffs each tool by name', async () => {
    const state = defaultState()
    const prompt = state.prompts[0]!
    const base = prompt.versions.at(-1)!
    prompt.versions.push(
      version('p-reply', 3, '', {
        messages: base.messages,
        model: base.model,
        params: { ...base.params, tools: [routeTicket], toolChoice: 'auto' },
      }),
      version('p-reply', 4, '', {
        messages: base.messages,
        model: base.model,
        params: {
          ...base.params,
          tools: [
            { ...routeTicket, description: 'Send it to the right queue' },
            { name: 'escalate', description: '', parameters: { type: 'object' } },
          ],
          toolChoice: { name: 'escalate' },
          maxToolSteps: 2,
        },
      }),
    )
    renderApp(createFakeCore(state).transport, {
      initialPrompt: { promptId: 'p-reply', tab: 'diff', diff: { left: 3, right: 4 } },
    })
    await waitFor(() => expect(appState()).toBe('ready'))
    await screen.findByTestId('diff-view')
    const changed = screen
      .getAllByTestId('diff-param-row')
      .filter((r) => r.dataset.changed === 'true')
      .map((r) => [r.dataset.field, r.textContent])
    expect(changed).toEqual([
      ['tools', 'Tools (changed)route_ticketroute_ticket, escalate'],
      ['toolChoice', 'Tool choice (changed)autotool escalate'],
      ['maxToolSteps', 'Step limit (changed)—2'],
    ])
    const tools = screen.getAllByTestId('diff-tool').map((s) => [s.dataset.tool, s.dataset.status])
    expect(tools).toEqual([
      ['route_ticket', 'changed'],
      ['escalate', 'added'],
    ])
    const sides = screen.getAllByTestId('diff-tool')[0]!.querySelectorAll('pre')
    expect(sides[0]!.textContent).toContain('"description": "Send the ticket to a queue"')
    expect(sides[1]!.textContent).toContain('"description": "Send it to the right queue"')
  })
})

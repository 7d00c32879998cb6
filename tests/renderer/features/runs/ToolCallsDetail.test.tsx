import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ToolCall, ToolStep } from '../../../../shared/domain/conversation'
import type { FakeCoreState } from '../../fixtures/fake-core'
import { makeResult, makeRun } from '../../fixtures/fake-runs'
import { mockResultsViewport, openRuns } from './helpers'

let restoreViewport = () => undefined as void
beforeEach(() => {
  restoreViewport = mockResultsViewport()
})
afterEach(() => {
  restoreViewport()
  cleanup()
  history.replaceState(null, '', '/')
})

const markup = '<img src=x onerror=alert(1)>'
// Arguments as the model wrote them: compact JSON with a number no double holds, and text that is not JSON.
const calls: ToolCall[] = [
  { id: 'call_1', name: 'route_ticket', arguments: '{"queue":"billing","priority":12345678901234567890}' },
  { id: 'call_2', name: 'add_note', arguments: `note ${markup}` },
]
const step = (n: number, toolCalls: ToolCall[], text: string): ToolStep => ({
  step: n,
  messages: [{ role: 'user', content: 'Refund for order 7' }],
  text,
  toolCalls,
  toolResults: toolCalls.map((c) => ({ toolCallId: c.id, name: c.name, content: '{"ok":true}' })),
  finishReason: n === 0 ? 'tool_calls' : 'stop',
  inputTokens: 300 + n,
  outputTokens: 20 + n,
  cachedTokens: 0,
  costUsd: n === 0 ? 0.0021 : null,
  ttftMs: 50,
  totalMs: 400 + n,
})

function seed(state: FakeCoreState) {
  state.runs = [
    makeRun('r1', {
      name: 'Router on the gateway',
      plan: {
        promptVersionIds: ['p-triage-v1'],
        models: [{ provider: 'acme-gateway', model: 'acme-router-7b' }],
        datasetId: 'ds-golden',
        repeats: 1,
        useCache: true,
        mode: 'stream' as const,
      },
      counts: { total: 1, done: 1, errors: 0, cached: 0, spentUsd: 0 },
    }),
  ]
  state.runResults = {
    r1: [
      makeResult('r1', 0, {
        provider: 'acme-gateway',
        modelId: 'acme-router-7b',
        responseText: '',
        finishReason: 'tool_calls',
        toolCalls: calls,
        steps: [step(0, calls, ''), step(1, [], 'Routed to billing.')],
        // One try a step: each step numbers its tries from 1.
        attempts: 2,
        attemptLog: [
          { attempt: 1, startedAt: 0, endedAt: 400, outcome: 'ok', status: 200 },
          { attempt: 1, startedAt: 410, endedAt: 811, outcome: 'ok', status: 200 },
        ],
        request: {
          messages: [
            { role: 'system', content: 'You route tickets.' },
            { role: 'user', content: 'Hi' },
            { role: 'assistant', content: '', toolCalls: [calls[0] as ToolCall] },
            { role: 'tool', toolCallId: 'call_1', name: 'route_ticket', content: 'queued' },
            { role: 'user', content: 'Thanks' },
          ],
          params: {
            temperature: 0,
            tools: [{ name: 'route_ticket', description: '', parameters: { type: 'object' } }],
          },
        },
      }),
    ],
  }
}

describe('a result with tool calls', () => {
  it('shows each call by name with its arguments as text, every loop step, and the turns as sent', async () => {
    await openRuns(seed)
    fireEvent.click(await screen.findByTestId('run-row'))
    await waitFor(() => expect(screen.queryAllByTestId('result-row')).toHaveLength(1))
    fireEvent.click(screen.getByTestId('result-row').querySelector('.result-cell')!)

    const list = await screen.findByTestId('result-tool-calls')
    const items = within(list).getAllByRole('listitem')
    expect(items.map((li) => li.dataset.tool)).toEqual(['route_ticket', 'add_note'])
    // JSON pretty-printed with the number exactly as written; non-JSON shown raw, markup as characters.
    expect(items[0]?.querySelector('pre')?.textContent).toBe(
      '{\n  "queue": "billing",\n  "priority": 12345678901234567890\n}',
    )
    expect(items[1]?.dataset.json).toBe('false')
    expect(items[1]?.textContent).toContain('arguments are not JSON')
    expect(items[1]?.querySelector('pre')?.textContent).toBe(`note ${markup}`)
    expect(document.querySelector('img')).toBeNull()
    expect(screen.getByTestId('result-response').textContent).toBe('No text: the answer is its tool calls.')

    const steps = screen.getByTestId('result-steps')
    expect(steps.textContent).toContain('2 steps')
    expect(screen.getByTestId('result-step-0').textContent).toContain('300 in / 20 out')
    expect(screen.getByTestId('result-step-0').textContent).toContain('$0.0021')
    expect(screen.getByTestId('result-step-0').textContent).toContain('400 ms')
    expect(screen.getByTestId('result-step-0').textContent).toContain(
      'canned result of route_ticket (call_1)',
    )
    expect(screen.getByTestId('result-step-1').textContent).toContain('cost unknown')
    expect(screen.getByTestId('result-step-1').textContent).toContain('Routed to billing.')

    const request = screen.getByTestId('result-request')
    const roles = [...request.querySelectorAll('.request-messages > li')].map((li) =>
      li.getAttribute('data-role'),
    )
    expect(roles.slice(0, 5)).toEqual(['system', 'user', 'assistant', 'tool', 'user'])
    expect(request.textContent).toContain('result of route_ticket (call_1)')
    expect(within(request).getByTestId('message-tool-calls-2').textContent).toContain('route_ticket')
    expect(request.textContent).toContain('tools=route_ticket')

    // Two steps with one try each read as such, not as a retry.
    expect(screen.getByTestId('result-attempt-count').textContent).toBe('2 over 2 steps of the tool loop')
    expect(screen.getAllByTestId('attempt-row')).toHaveLength(2)
    expect(screen.getByTestId('result-attempts-note').textContent).toContain('each step numbers its tries')
  })
})

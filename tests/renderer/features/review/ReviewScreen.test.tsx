import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { assign, makeQueue } from '../../fixtures/fake-review'
import { calls, openReview } from './helpers'

afterEach(() => {
  cleanup()
  localStorage.clear()
  history.replaceState(null, '', '/')
})

const xss = '<img src=x onerror=alert(1)>'

async function start(prepare: Parameters<typeof openReview>[0]) {
  const opened = await openReview(prepare)
  fireEvent.click(await screen.findByTestId('queue-row'))
  fireEvent.click(screen.getByTestId('review-start'))
  await screen.findByTestId('review-item')
  return opened
}

describe('review screen', () => {
  it('lists queues with progress per reviewer, and explains how to start when there are none', async () => {
    await openReview()
    const row = await screen.findByTestId('queue-row')
    expect(row.dataset.queueId).toBe('q1')
    expect(row.textContent).toContain('Triage check')
    expect(row.textContent).toContain('Ana 0/3 · Ben 0/3')
    cleanup()
    await openReview((state) => {
      state.queues = []
    })
    expect((await screen.findByTestId('queues-empty')).textContent).toContain('Create a queue from a run')
  })

  it('renders outputs as text: markup stays characters, JSON is pretty-printed', async () => {
    await start((state) => {
      const q = state.queues?.[0] ?? makeQueue('q1')
      state.assignments = assign(q, 'rv-ana', 2, (i) =>
        i.position === 1
          ? {
              ...i,
              outputs: [
                {
                  side: 'output',
                  text: xss,
                  error: null,
                  toolCalls: [],
                  promptVersionNumber: null,
                  provider: null,
                  modelId: null,
                },
              ],
            }
          : i,
      )
    })
    const output = screen.getByTestId('review-output')
    expect(output.querySelector('img')).toBeNull()
    expect(document.querySelector('img')).toBeNull()
    expect(output.textContent).toContain(xss)
    fireEvent.keyDown(document.body, { key: 'j' })
    await waitFor(() => expect(screen.getByTestId('review-item').dataset.position).toBe('2'))
    expect(screen.getByTestId('review-output').querySelector('pre')?.textContent).toBe(
      '{\n  "category": "billing",\n  "n": 2\n}',
    )
    expect(within(screen.getByTestId('review-input')).getByText('Refund 2')).toBeTruthy()
  })

  it('blind: no model or version names on the outputs; not blind: shown', async () => {
    await start(() => undefined)
    const blindText = screen.getByTestId('review-item').textContent ?? ''
    expect(blindText).not.toMatch(/triage-sim|gpt|claude|v\d/)
    cleanup()
    localStorage.clear()
    await start((state) => {
      const q = makeQueue('q1', { blind: false })
      state.queues = [q]
      state.assignments = assign(q, 'rv-ana', 1, (i) => ({
        ...i,
        outputs: [
          {
            side: 'output',
            text: 'hi',
            error: null,
            toolCalls: [],
            promptVersionNumber: 3,
            provider: 'demo',
            modelId: 'triage-sim-2026-09',
          },
        ],
      }))
    })
    expect(screen.getByTestId('review-output').textContent).toContain('v3 · demo/triage-sim-2026-09')
  })

  it("shows the case's turns and the output's tool calls as text", async () => {
    await start((state) => {
      const q = state.queues?.[0] ?? makeQueue('q1')
      state.assignments = assign(q, 'rv-ana', 1, (i) => ({
        ...i,
        conversation: [
          { role: 'user', content: `My order never came ${xss}` },
          { role: 'assistant', content: 'Sorry! Which order?' },
          { role: 'user', content: 'Order 7' },
        ],
        outputs: [
          {
            side: 'output',
            text: '',
            error: null,
            toolCalls: [
              { name: 'route_ticket', arguments: '{"queue":"shipping","priority":"p1"}' },
              { name: 'add_note', arguments: xss },
            ],
            promptVersionNumber: null,
            provider: null,
            modelId: null,
          },
        ],
      }))
    })
    const turns = screen.getByTestId('review-conversation')
    expect([...turns.querySelectorAll('li')].map((li) => li.dataset.role)).toEqual([
      'user',
      'assistant',
      'user',
    ])
    expect(turns.textContent).toContain(`My order never came ${xss}`)
    const calls = within(screen.getByTestId('review-output')).getByTestId('review-output-tool-calls')
    const items = within(calls).getAllByRole('listitem')
    expect(items.map((li) => li.dataset.tool)).toEqual(['route_ticket', 'add_note'])
    expect(items[0]?.querySelector('pre')?.textContent).toBe(
      '{\n  "queue": "shipping",\n  "priority": "p1"\n}',
    )
    expect(items[1]?.textContent).toContain('arguments are not JSON')
    expect(items[1]?.querySelector('pre')?.textContent).toBe(xss)
    expect(document.querySelector('img')).toBeNull()
  })

  it('remembers the reviewer per queue and opens #/review/<id> from the address', async () => {
    history.replaceState(null, '', '#/review/q1')
    const { core } = await openReview(() => undefined, { initialQueue: 'q1' })
    await screen.findByTestId('queue-detail')
    expect(window.location.hash).toBe('#/review/q1')
    fireEvent.change(screen.getByTestId('review-as'), { target: { value: 'rv-ben' } })
    fireEvent.click(screen.getByTestId('review-start'))
    await screen.findByTestId('review-item')
    expect(calls(core, 'review.item')[0]?.input).toEqual({ queueId: 'q1', reviewerId: 'rv-ben' })
    cleanup()
    await openReview(() => undefined, { initialQueue: 'q1' })
    await screen.findByTestId('queue-detail')
    expect(screen.getByTestId<HTMLSelectElement>('review-as').value).toBe('rv-ben')
  })

  it('exports a pack and imports scores, showing the merge counts', async () => {
    const { core } = await openReview()
    fireEvent.click(await screen.findByTestId('queue-row'))
    const created: string[] = []
    const original = URL.createObjectURL
    URL.createObjectURL = () => {
      created.push('blob')
      return 'blob:x'
    }
    try {
      fireEvent.click(screen.getByTestId('queue-export-pack'))
      await waitFor(() => expect(created).toHaveLength(1))
    } finally {
      URL.createObjectURL = original
    }
    expect(calls(core, 'queues.exportPack')[0]?.input).toEqual({ queueId: 'q1' })
    const file = new File(['{"scores":[]}'], 'scores.json', { type: 'application/json' })
    fireEvent.change(screen.getByTestId('queue-import-scores'), { target: { files: [file] } })
    expect((await screen.findByTestId('import-scores-result')).textContent).toContain(
      '2 added, 1 updated, 3 unchanged',
    )
    expect(calls(core, 'queues.importScores')[0]?.input).toEqual({ content: '{"scores":[]}' })
  })
})

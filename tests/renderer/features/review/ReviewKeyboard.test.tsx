import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { assign, makeQueue } from '../../fixtures/fake-review'
import { calls, openReview } from './helpers'

afterEach(() => {
  cleanup()
  localStorage.clear()
  history.replaceState(null, '', '/')
})

const key = (k: string, extra: Partial<KeyboardEventInit> = {}) =>
  act(() => {
    fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...extra })
  })
const item = () => screen.getByTestId('review-item')
const criterion = (k: string) =>
  screen.getAllByTestId('review-criterion').find((el) => el.dataset.key === k) as HTMLElement

async function startReview(prepare?: Parameters<typeof openReview>[0]) {
  const opened = await openReview(prepare)
  fireEvent.click(await screen.findByTestId('queue-row'))
  fireEvent.change(screen.getByTestId('review-as'), { target: { value: 'rv-ana' } })
  fireEvent.click(screen.getByTestId('review-start'))
  await waitFor(() => expect(item().dataset.position).toBe('1'))
  return opened
}

describe('review view: keyboard', () => {
  it('scores with y, digits and label numbers, moving to the next unscored criterion, then the next item', async () => {
    const { core } = await startReview()
    expect(screen.getByTestId('review-progress').textContent).toBe('1 / 3')
    expect(criterion('category_correct').dataset.active).toBe('true')

    key('y')
    await waitFor(() => expect(criterion('category_correct').dataset.value).toBe('1'))
    expect(criterion('tone').dataset.active).toBe('true')
    key('4')
    await waitFor(() => expect(criterion('tone').dataset.value).toBe('4'))
    key('3') // the third label, "high", is index 2: the item's last criterion, so on to the next item
    await waitFor(() => expect(item().dataset.position).toBe('2'))
    expect(item().dataset.status).toBe('pending')
    expect(criterion('category_correct').dataset.active).toBe('true')
    expect(screen.getByTestId('review-saved').textContent).toBe('Saved')

    const scores = calls(core, 'review.score').map(
      (c) => (c.input as { score: { criterionKey: string; raw: number } }).score,
    )
    expect(scores.map((s) => [s.criterionKey, s.raw])).toEqual([
      ['category_correct', 1],
      ['tone', 4],
      ['urgency', 2],
    ])
  })

  it('a score changed on a finished item keeps it open', async () => {
    const { core } = await startReview()
    key('y')
    key('4')
    key('3')
    await waitFor(() => expect(item().dataset.position).toBe('2'))
    key('k')
    await waitFor(() => expect(item().dataset.position).toBe('1'))
    fireEvent.click(criterion('tone'))
    key('2')
    await waitFor(() =>
      expect(calls(core, 'review.score').map((c) => JSON.stringify(c.input))).toHaveLength(4),
    )
    await waitFor(() => expect(criterion('tone').dataset.value).toBe('2'))
    expect(item().dataset.position).toBe('1')
  })

  it('moves between criteria with Tab / arrows and between items with j / k', async () => {
    await startReview()
    key('Tab')
    expect(criterion('tone').dataset.active).toBe('true')
    key('Tab', { shiftKey: true })
    expect(criterion('category_correct').dataset.active).toBe('true')
    key('ArrowUp')
    expect(criterion('urgency').dataset.active).toBe('true')
    key('n')
    await waitFor(() => expect(criterion('urgency').dataset.value).toBe(''))
    key('j')
    await waitFor(() => expect(item().dataset.position).toBe('2'))
    key('ArrowRight')
    await waitFor(() => expect(item().dataset.position).toBe('3'))
    key('k')
    await waitFor(() => expect(item().dataset.position).toBe('2'))
  })

  it('comments with c (Esc leaves the box, blur saves) and undoes with u and Ctrl+Z', async () => {
    const { core } = await startReview()
    key('y')
    await waitFor(() => expect(criterion('category_correct').dataset.value).toBe('1'))
    fireEvent.click(criterion('category_correct'))
    key('c')
    const box = screen.getByTestId<HTMLTextAreaElement>('review-comment')
    expect(document.activeElement).toBe(box)
    fireEvent.change(box, { target: { value: 'right queue, j typed here' } })
    fireEvent.keyDown(box, { key: 'j' }) // typing, not "next item"
    fireEvent.keyDown(box, { key: 'Escape' })
    fireEvent.blur(box)
    await waitFor(() =>
      expect(calls(core, 'review.score').at(-1)?.input).toMatchObject({
        score: { criterionKey: 'category_correct', raw: 1, comment: 'right queue, j typed here' },
      }),
    )
    expect(item().dataset.position).toBe('1')

    key('u')
    await waitFor(() => expect(calls(core, 'review.undo')).toHaveLength(1))
    key('z', { ctrlKey: true })
    await waitFor(() => expect(calls(core, 'review.undo')).toHaveLength(2))
    await waitFor(() => expect(criterion('category_correct').dataset.value).toBe(''))
  })

  it('skips with s, a reason and Enter, then shows the next item; done at the end', async () => {
    const { core } = await startReview()
    key('s')
    const reason = screen.getByTestId<HTMLInputElement>('review-skip-reason')
    expect(document.activeElement).toBe(reason)
    fireEvent.change(reason, { target: { value: 'Output cut off' } })
    fireEvent.submit(reason.closest('form') as HTMLFormElement)
    await waitFor(() => expect(item().dataset.position).toBe('2'))
    expect(calls(core, 'review.skip')[0]?.input).toEqual({
      assignmentId: 'as-q1-rv-ana-1',
      reason: 'Output cut off',
    })

    key('j')
    await waitFor(() => expect(item().dataset.position).toBe('3'))
    key('j') // past the last: the next pending item (2 was never scored)
    await waitFor(() => expect(item().dataset.position).toBe('2'))
  })

  it('shows review-done when nothing is pending, and the shortcut list on ?', async () => {
    await startReview((state) => {
      const q = state.queues?.[0] ?? makeQueue('q1')
      state.assignments = assign(q, 'rv-ana', 1)
    })
    key('?')
    expect(screen.getByTestId('review-shortcuts')).toBeTruthy()
    key('y')
    key('3')
    key('1')
    await waitFor(() => expect(item().dataset.status).toBe('done'))
    key('j')
    const done = await screen.findByTestId('review-done')
    expect(within(done).getByText(/Ana/)).toBeTruthy()
  })

  it('pairwise: 1 / 2 / 3 and a / = / b set the preference', async () => {
    const { core } = await startReview((state) => {
      const q = makeQueue('q1', { mode: 'pairwise', name: 'Pairs' })
      state.queues = [q]
      state.assignments = assign(q, 'rv-ana', 2, (i) => ({
        ...i,
        outputs: [
          {
            side: 'a',
            text: 'first',
            error: null,
            toolCalls: [],
            promptVersionNumber: null,
            provider: null,
            modelId: null,
          },
          {
            side: 'b',
            text: 'second',
            error: null,
            toolCalls: [],
            promptVersionNumber: null,
            provider: null,
            modelId: null,
          },
        ],
      }))
    })
    expect(screen.getByTestId('review-output-a').textContent).toContain('first')
    expect(screen.getByTestId('review-output-b').textContent).toContain('second')
    for (const k of ['1', '2', '3', 'a', '=', 'b']) key(k)
    await waitFor(() => expect(calls(core, 'review.score')).toHaveLength(6))
    expect(calls(core, 'review.score').map((c) => (c.input as { preference: string }).preference)).toEqual([
      'a',
      'equal',
      'b',
      'a',
      'equal',
      'b',
    ])
  })
})

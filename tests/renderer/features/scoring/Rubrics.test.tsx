import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeCore, defaultState } from '../../fixtures/fake-core'
import { makeRubric } from '../../fixtures/fake-scoring'
import { appState, renderApp } from '../render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

const byId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)

async function openRubrics() {
  const state = defaultState()
  state.rubrics = [makeRubric()]
  const core = createFakeCore(state)
  renderApp(core.transport, { initialRoute: 'settings' })
  await waitFor(() => expect(appState()).toBe('ready'))
  await waitFor(() => expect(screen.getAllByTestId('rubric-row')).toHaveLength(1))
  return { core, state }
}

describe('rubrics in settings', () => {
  it('lists rubrics with their version and saves an edit as the next version', async () => {
    const { core } = await openRubrics()
    const row = screen.getAllByTestId('rubric-row')[0]!
    expect(row.dataset.key).toBe('triage-quality')
    expect(within(row).getByTestId('rubric-version').textContent).toBe('v1')
    expect(row.textContent).toContain('Priority is reasonable (1–5)')

    fireEvent.click(within(row).getByTestId('rubric-edit'))
    const editor = byId('rubric-editor')
    expect(within(editor).getByTestId<HTMLInputElement>('rubric-key').readOnly).toBe(true)
    const criteria = within(editor).getAllByTestId('rubric-criterion')
    expect(criteria.map((c) => c.dataset.key)).toEqual(['category_correct', 'priority_reasonable'])
    const likert = within(criteria[1]!).getAllByTestId('criterion-score-label')
    expect(likert.map((l) => l.dataset.score)).toEqual(['1', '2', '3', '4', '5'])
    fireEvent.change(likert[2]!, { target: { value: 'Arguable' } })
    fireEvent.change(within(criteria[1]!).getByTestId('criterion-guidance'), {
      target: { value: 'p1 only for outages or data loss' },
    })
    fireEvent.click(within(editor).getByTestId('rubric-save'))
    await waitFor(() => expect(screen.queryByTestId('rubric-editor')).toBeNull())
    expect(within(screen.getAllByTestId('rubric-row')[0]!).getByTestId('rubric-version').textContent).toBe(
      'v2',
    )
    expect(byId('rubric-saved').textContent).toBe('Saved Triage quality as version 2.')
    const saved = core.transport.calls.find((c) => c.method === 'rubrics.save')?.input
    expect(saved).toMatchObject({
      key: 'triage-quality',
      criteria: [
        { key: 'category_correct', scale: { type: 'pass_fail' } },
        {
          key: 'priority_reasonable',
          scale: {
            type: 'likert',
            min: 1,
            max: 5,
            labels: { '1': 'Dangerous', '3': 'Arguable', '5': 'Matches the guide' },
          },
          guidance: 'p1 only for outages or data loss',
        },
      ],
    })
  })

  it('writes a new rubric with labelled criteria and says what to fix first', async () => {
    const { state } = await openRubrics()
    fireEvent.click(byId('rubric-new'))
    const editor = byId('rubric-editor')
    fireEvent.change(within(editor).getByTestId('rubric-key'), { target: { value: 'reply-quality' } })
    fireEvent.change(within(editor).getByTestId('rubric-name'), { target: { value: 'Reply quality' } })
    fireEvent.click(within(editor).getByTestId('rubric-save'))
    expect(byId('rubric-problem').textContent).toMatch(/^Criterion 1 key/)

    const [first] = within(editor).getAllByTestId('rubric-criterion')
    fireEvent.change(within(first!).getByTestId('criterion-key'), { target: { value: 'tone' } })
    fireEvent.change(within(first!).getByTestId('criterion-name'), { target: { value: 'Tone' } })
    fireEvent.change(within(first!).getByTestId('criterion-scale'), { target: { value: 'labels' } })
    fireEvent.change(within(first!).getByTestId('criterion-labels'), {
      target: { value: 'rude\nneutral\nwarm' },
    })
    fireEvent.click(within(editor).getByTestId('criterion-add'))
    const second = within(editor).getAllByTestId('rubric-criterion')[1]!
    fireEvent.change(within(second).getByTestId('criterion-key'), { target: { value: 'solved' } })
    fireEvent.change(within(second).getByTestId('criterion-name'), {
      target: { value: 'Solves the problem' },
    })
    fireEvent.click(within(editor).getByTestId('rubric-save'))
    await waitFor(() => expect(screen.getAllByTestId('rubric-row')).toHaveLength(2))
    expect(state.rubrics?.at(-1)).toMatchObject({
      key: 'reply-quality',
      version: 1,
      criteria: [
        { key: 'tone', scale: { type: 'labels', labels: ['rude', 'neutral', 'warm'] } },
        { key: 'solved', scale: { type: 'pass_fail' } },
      ],
    })
  })

  it('follows a write from anywhere: a rubric saved by another client shows up in Settings', async () => {
    const { core, state } = await openRubrics()
    // Another window saves a second rubric (another client of the same core).
    state.rubrics?.push(makeRubric({ id: 'rb-tone', key: 'reply-tone', name: 'Reply tone' }))
    core.transport.emit('db.changed', { tables: ['rubrics', 'audit_log'] })
    await waitFor(() => expect(screen.getAllByTestId('rubric-row')).toHaveLength(2))
    expect(screen.getAllByTestId('rubric-row').map((r) => r.dataset.key)).toEqual([
      'reply-tone',
      'triage-quality',
    ])
  })
})

import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { PlaygroundCell, PlaygroundSession } from '../../../../shared/domain/playground'
import type { ModelRef } from '../../../../shared/domain/prompts'
import type { Run } from '../../../../shared/domain/runs'
import { AppError } from '../../../../shared/contract'
import { createFakeCore, defaultState } from '../../fixtures/fake-core'
import { appState, renderApp } from '../render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

const tickets: DatasetCase[] = ['tkt-1', 'tkt-2', 'tkt-3'].map((key, i) => ({
  id: `c${i + 1}`,
  key,
  vars: { ticket: `Ticket ${i + 1}` },
  expected: {},
  expectedOutput: null,
  tags: [],
  notes: '',
}))

function cell(index: number, caseKey: string, model: ModelRef): PlaygroundCell {
  const blank = { text: '', inputTokens: null, outputTokens: null, costUsd: null, latencyMs: null }
  return { index, caseKey, model, status: 'queued', ...blank, cached: false, error: null, scores: [] }
}

function setUp() {
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
  state.cases = { d1: tickets }
  const core = createFakeCore(state)
  let session: PlaygroundSession | null = null
  core.handlers['playground.start'] = (input) => {
    const keys = input.cases.kind === 'dataset' ? input.cases.caseIds.map((id) => `tkt-${id.slice(1)}`) : []
    const cells = keys.flatMap((k, i) => input.models.map((m, j) => cell(i * input.models.length + j, k, m)))
    session = {
      id: 'play-1',
      promptId: 'p-reply',
      promptVersionId: input.promptVersionId,
      fromDraft: !!input.draft,
      status: 'running',
      cells,
      savedRunId: null,
    }
    return session
  }
  core.handlers['playground.get'] = () => {
    if (!session) throw new Error('no session')
    return session
  }
  core.handlers['playground.save'] = (input) => {
    const run: Run = {
      id: 'run-play',
      name: 'Playground · Support reply v3',
      status: 'completed',
      plan: {
        promptVersionIds: [input.promptVersionId ?? 'p-reply-v2'],
        models: [{ provider: 'openai', model: 'gpt-4o-mini' }],
        datasetId: 'd1',
        repeats: 1,
        useCache: true,
        mode: 'stream',
      },
      datasetSnapshotId: 'snap-1',
      priceTable: [],
      createdAt: '2025-02-01T10:00:00.000Z',
      startedAt: '2025-02-01T10:00:00.000Z',
      finishedAt: '2025-02-01T10:00:00.000Z',
      createdBy: 'ana',
      counts: { total: 4, done: 4, errors: 0, cached: 0, spentUsd: 0.0004 },
      canary: null,
      failure: null,
    }
    return run
  }
  return core
}

const answers = () => screen.getAllByTestId('playground-answer')

describe('the playground tab', () => {
  it('runs unsaved edits with Ctrl+Enter, streams 4 answers as text, and saves the edits as a version before the run', async () => {
    const core = setUp()
    renderApp(core.transport)
    await waitFor(() => expect(appState()).toBe('ready'))
    fireEvent.click(screen.getAllByTestId('prompt-item')[0]!)
    await screen.findByTestId('editor-tab')
    const editor = within(screen.getByTestId('message-editor-1')).getByRole('textbox')
    fireEvent.change(editor, { target: { value: 'Ticket: {{ticket}}\nAnswer in one line.' } })
    fireEvent.click(screen.getByTestId('editor-try-playground'))
    expect((await screen.findByTestId('playground-tried')).textContent).toContain('unsaved edits to v2')

    await waitFor(() =>
      expect(screen.getByTestId<HTMLSelectElement>('playground-dataset').options).toHaveLength(2),
    )
    fireEvent.change(screen.getByTestId('playground-dataset'), { target: { value: 'd1' } })
    await waitFor(() => expect(screen.getAllByTestId('playground-case')).toHaveLength(3))
    fireEvent.click(screen.getAllByTestId('playground-case')[0]!)
    fireEvent.click(screen.getAllByTestId('playground-case')[2]!)
    fireEvent.click(screen.getByTestId('playground-add-model'))
    fireEvent.change(screen.getByTestId('playground-model-1-id'), { target: { value: 'gpt-4o' } })
    fireEvent.keyDown(window, { key: 'Enter', code: 'Enter', ctrlKey: true })
    await waitFor(() => expect(answers()).toHaveLength(4))
    const start = core.transport.calls.find((c) => c.method === 'playground.start')?.input
    expect(start).toMatchObject({
      promptVersionId: 'p-reply-v2',
      cases: { kind: 'dataset', datasetId: 'd1', caseIds: ['c1', 'c3'] },
      models: [{ model: 'gpt-4o-mini' }, { model: 'gpt-4o' }],
      draft: { messages: [{ role: 'system' }, { content: 'Ticket: {{ticket}}\nAnswer in one line.' }] },
    })

    const emit = (index: number, extra: object) =>
      act(() =>
        core.transport.emit('playground.progress', {
          sessionId: 'play-1',
          index,
          status: 'running',
          ...extra,
        }),
      )
    emit(0, { delta: '<img src=x onerror=alert(1)>' })
    emit(0, { delta: ' thanks' })
    expect(within(answers()[0]!).getByTestId('playground-text').textContent).toBe(
      '<img src=x onerror=alert(1)> thanks',
    )
    expect(screen.getByTestId('playground-answers').querySelector('img')).toBeNull()
    const model = { provider: 'openai', model: 'gpt-4o-mini' }
    const done = (index: number, costUsd: number | null): PlaygroundCell => ({
      ...cell(index, index < 2 ? 'tkt-1' : 'tkt-3', model),
      status: 'done',
      text: `answer ${index}`,
      inputTokens: 40,
      outputTokens: 8,
      costUsd,
      latencyMs: 123.4,
      scores: [{ metric: 'format.json', kind: 'format', value: 0, passed: false, reason: 'Not JSON' }],
    })
    for (const index of [0, 1, 2, 3]) emit(index, { cell: done(index, index === 1 ? null : 0.000123) })
    act(() => core.transport.emit('playground.progress', { sessionId: 'play-1', index: 0, status: 'done' }))
    const first = answers()[0]!
    expect(within(first).getByTestId('playground-cost').textContent).toBe('$0.000123')
    expect(within(answers()[1]!).getByTestId('playground-cost').textContent).toBe('cost unknown')
    expect(within(first).getByTestId('playground-tokens').textContent).toBe('40 in · 8 out')
    expect(within(first).getByTestId('playground-latency').textContent).toBe('123 ms')
    expect(within(first).getByTestId('playground-score').dataset.verdict).toBe('fail')

    expect((await screen.findByTestId('playground-save-explains')).textContent).toContain(
      'saves your edits as v3',
    )
    expect(screen.getByTestId<HTMLButtonElement>('playground-save').disabled).toBe(true)
    fireEvent.change(screen.getByTestId('playground-commit-message'), {
      target: { value: 'One-line answers' },
    })
    fireEvent.click(screen.getByTestId('playground-save'))
    // A plain link: the app follows `#/compare?runs=` like any address (tests/renderer/stores/compare-address).
    const openInCompare = await screen.findByTestId('playground-open-compare')
    expect(openInCompare.getAttribute('href')).toBe('#/compare?runs=run-play')
    const saveVersion = core.transport.calls.find((c) => c.method === 'prompts.saveVersion')?.input
    expect(saveVersion).toMatchObject({ message: 'One-line answers', baseVersionId: 'p-reply-v2' })
    const save = core.transport.calls.find((c) => c.method === 'playground.save')?.input
    expect(save).toEqual({ sessionId: 'play-1', promptVersionId: 'p-reply-v3' })
  }, 20_000)

  it('from a saved version: typed variables, no draft sent, and a refused start says why', async () => {
    const core = setUp()
    renderApp(core.transport)
    await waitFor(() => expect(appState()).toBe('ready'))
    fireEvent.click(screen.getAllByTestId('prompt-item')[0]!)
    fireEvent.click(await screen.findByTestId('tab-playground'))
    expect((await screen.findByTestId('playground-tried')).textContent).toContain('Trying v2 as saved')
    expect(screen.getByTestId<HTMLButtonElement>('playground-run').disabled).toBe(true)
    fireEvent.click(screen.getByTestId('playground-cases-typed'))
    const ticket = await screen.findByLabelText('ticket of typed case 1')
    fireEvent.change(ticket, { target: { value: 'My order is late' } })
    core.handlers['playground.start'] = () => {
      throw new AppError('NOT_FOUND', 'No provider named "acme": add it in Settings → Providers.')
    }
    fireEvent.click(screen.getByTestId('playground-run'))
    expect((await screen.findByTestId('playground-error')).textContent).toContain('add it in Settings')
    const start = core.transport.calls.find((c) => c.method === 'playground.start')?.input
    expect(start).toEqual({
      promptVersionId: 'p-reply-v2',
      cases: { kind: 'typed', vars: [{ ticket: 'My order is late' }] },
      models: [{ provider: 'openai', model: 'gpt-4o-mini' }],
    })
  }, 20_000)
})

import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeCoreState } from '../../fixtures/fake-core'
import { makeCase } from '../../fixtures/fake-datasets'
import { makeResult, makeRun } from '../../fixtures/fake-runs'
import { calls, mockResultsViewport, openRuns } from './helpers'

let restoreViewport = () => undefined as void
beforeEach(() => {
  restoreViewport = mockResultsViewport()
})
afterEach(() => {
  restoreViewport()
  cleanup()
  history.replaceState(null, '', '/')
})

const xss = '<img src=x onerror=alert(1)>'
const byId = (id: string) => screen.getByTestId(id)
const grid = () => byId('results-grid')
const resultRows = () => screen.queryAllByTestId('result-row')

function seed(count: number, extra: (i: number) => Parameters<typeof makeResult>[2] = () => ({})) {
  return (state: FakeCoreState) => {
    state.runs = [
      makeRun('r1', {
        name: 'Triage on two models',
        plan: {
          promptVersionIds: ['p-triage-v2', 'p-triage-v3'],
          models: [
            { provider: 'demo', model: 'triage-sim-2026-03' },
            { provider: 'demo', model: 'triage-sim-2026-09' },
          ],
          datasetId: 'ds-golden',
          repeats: 1,
          useCache: true,
          mode: 'stream' as const,
        },
        counts: { total: count, done: count, errors: 0, cached: 0, spentUsd: 0 },
      }),
    ]
    state.runResults = {
      r1: Array.from({ length: count }, (_, i) =>
        makeResult('r1', i, {
          promptVersionId: i % 2 === 0 ? 'p-triage-v2' : 'p-triage-v3',
          modelId: i % 4 < 2 ? 'triage-sim-2026-03' : 'triage-sim-2026-09',
          ...extra(i),
        }),
      ),
    }
  }
}

/** The run's cases as its dataset names them: case-0007 is T-1007. */
function withKeys(prepare: (state: FakeCoreState) => void) {
  return (state: FakeCoreState) => {
    prepare(state)
    const ids = new Set(Object.values(state.runResults ?? {}).flatMap((rs) => rs.map((r) => r.caseId)))
    state.cases['ds-golden'] = [...ids].map((id) => makeCase(`T-1${id.slice(-3)}`, { id }))
  }
}

async function openRun(prepare: (state: FakeCoreState) => void) {
  const view = await openRuns(prepare)
  fireEvent.click(await screen.findByTestId('run-row'))
  await waitFor(() => expect(resultRows().length).toBeGreaterThan(0))
  return view
}

describe('results grid', () => {
  it('renders only the rows in view, pages 200 at a time, and shows each column as text', async () => {
    const { core } = await openRun(
      seed(900, (i) =>
        i === 1
          ? {
              errorKind: 'rate_limit',
              errorMessage: 'HTTP 429 after 3 attempts',
              responseText: null,
              attempts: 3,
              costUsd: null,
            }
          : i === 2
            ? { cached: true }
            : {},
      ),
    )
    expect(grid().dataset.total).toBe('900')
    expect(byId('results-total').textContent).toBe('900 results')
    expect(resultRows().length).toBeGreaterThan(10)
    expect(resultRows().length).toBeLessThan(60)
    // The page in view, and the next one fetched ahead of a scroll.
    const offsets = () => calls(core, 'runs.resultRows').map((c) => (c.input as { offset: number }).offset)
    await waitFor(() => expect(offsets()).toEqual([0, 200]))
    expect(calls(core, 'runs.resultRows')[0]?.input).toEqual({ runId: 'r1', offset: 0, limit: 200 })

    const [first, second, third] = resultRows()
    expect(first?.dataset.status).toBe('ok')
    expect(first?.textContent).toContain('case-0000')
    expect(first?.textContent).toContain('v2')
    expect(first?.textContent).toContain('triage-sim-2026-03')
    expect(first?.textContent).toContain('120 / 12')
    expect(first?.textContent).toContain('{"category":"billing","n":0}')
    expect(second?.dataset.status).toBe('error')
    expect(second?.textContent).toContain('rate_limit: HTTP 429 after 3 attempts')
    expect(third?.dataset.status).toBe('ok')
    expect(third?.textContent).toContain('cached')

    act(() => {
      grid().scrollTop = 500 * 30
      fireEvent.scroll(grid())
    })
    await waitFor(() => expect(resultRows().some((r) => r.dataset.caseId === 'case-0500')).toBe(true))
    // Scrolling down: the page in view, and the pages below it fetched ahead; each page once.
    await waitFor(() => expect([...offsets()].sort((a, b) => a - b)).toEqual([0, 200, 400, 600, 800]))
  })

  it('shows a page already fetched at once when scrolled onto, never a "Loading…" row first', async () => {
    await openRun(seed(900))
    const scrollToRow = (row: number) =>
      act(() => {
        grid().scrollTop = row * 30
        fireEvent.scroll(grid())
      })
    scrollToRow(300)
    await waitFor(() => expect(resultRows().some((r) => r.dataset.caseId === 'case-0300')).toBe(true))
    scrollToRow(0)
    await waitFor(() => expect(resultRows()[0]?.dataset.caseId).toBe('case-0000'))

    // Every row a commit puts on screen, however briefly: a placeholder for a cached page is a flash.
    const placeholders: string[] = []
    const collect = (records: MutationRecord[]) => {
      // A row that was a placeholder between two commits shows only in its record's old value.
      for (const record of records) {
        if (record.oldValue === 'result-row-loading') placeholders.push('changed')
        for (const node of record.addedNodes)
          if (node instanceof HTMLElement && node.dataset.testid === 'result-row-loading')
            placeholders.push('added')
      }
    }
    const observer = new MutationObserver(collect)
    observer.observe(grid(), {
      subtree: true,
      childList: true,
      attributeFilter: ['data-testid'],
      attributeOldValue: true,
    })
    scrollToRow(300)
    expect(resultRows().some((r) => r.dataset.caseId === 'case-0300')).toBe(true)
    collect(observer.takeRecords())
    observer.disconnect()
    expect(placeholders).toEqual([])
  })

  it('filters by case, model, version and outcome', async () => {
    const { core } = await openRun(
      withKeys(seed(40, (i) => (i % 5 === 0 ? { errorKind: 'timeout', errorMessage: 'slow' } : {}))),
    )
    fireEvent.change(byId('results-filter-status'), { target: { value: 'error' } })
    await waitFor(() => expect(byId('results-total').textContent).toBe('8 results'))
    expect(resultRows().every((r) => r.dataset.status === 'error')).toBe(true)

    const models = within(byId('results-filter-model'))
      .getAllByRole('option')
      .map((o) => o.textContent)
    expect(models).toEqual(['All models', 'demo/triage-sim-2026-03', 'demo/triage-sim-2026-09'])
    fireEvent.change(byId('results-filter-model'), { target: { value: 'demo/triage-sim-2026-09' } })
    const versions = within(byId('results-filter-version'))
      .getAllByRole('option')
      .map((o) => o.textContent)
    expect(versions).toEqual(['All versions', 'Ticket triage v2', 'Ticket triage v3'])
    fireEvent.change(byId('results-filter-version'), { target: { value: 'p-triage-v3' } })
    await waitFor(() =>
      expect(calls(core, 'runs.resultRows').at(-1)?.input).toEqual({
        runId: 'r1',
        offset: 0,
        limit: 200,
        status: 'error',
        provider: 'demo',
        modelId: 'triage-sim-2026-09',
        promptVersionId: 'p-triage-v3',
      }),
    )
    fireEvent.click(byId('results-clear-filters'))
    await waitFor(() => expect(byId('results-total').textContent).toBe('40 results'))

    // A case is typed as its dataset names it (the key the gate and the CLI print), not by an internal id.
    fireEvent.change(byId('results-filter-case'), { target: { value: 'T-1007' } })
    fireEvent.keyDown(byId('results-filter-case'), { key: 'Enter' })
    await waitFor(() => expect(byId('results-total').textContent).toBe('1 result'))
    expect(resultRows().map((r) => [r.dataset.caseId, r.dataset.caseKey])).toEqual([['case-0007', 'T-1007']])
    expect(calls(core, 'runs.resultRows').at(-1)?.input).toEqual({
      runId: 'r1',
      offset: 0,
      limit: 200,
      caseKey: 'T-1007',
    })
    expect(resultRows()[0]?.textContent).toContain('T-1007')
    expect(resultRows()[0]?.textContent).not.toContain('case-0007')
  })

  it('names a result by its case key in the detail, and shows every result of that case by key', async () => {
    await openRun(withKeys(seed(8)))
    fireEvent.click(resultRows()[3]!)
    const detail = await screen.findByTestId('result-detail')
    expect(within(detail).getByRole('heading', { level: 3 }).textContent).toContain('T-1003')
    expect(detail.getAttribute('aria-label')).toBe('Result for case T-1003')
    fireEvent.click(within(detail).getByText('Show every result for this case'))
    await waitFor(() => expect(byId('results-filter-case')).toHaveProperty('value', 'T-1003'))
    await waitFor(() => expect(byId('results-total').textContent).toBe('1 result'))
  })

  it('tells one model id through two providers apart: in the rows and in the model filter', async () => {
    const model = 'qwen2.5:7b'
    const { core } = await openRun((state) => {
      state.runs = [
        makeRun('r1', {
          name: 'Ollama vs vLLM',
          plan: {
            promptVersionIds: ['p-triage-v1'],
            models: [
              { provider: 'local-llm', model },
              { provider: 'vllm-box', model },
            ],
            datasetId: 'ds-golden',
            repeats: 1,
            useCache: true,
            mode: 'stream' as const,
          },
          counts: { total: 8, done: 8, errors: 0, cached: 0, spentUsd: 0 },
        }),
      ]
      state.runResults = {
        r1: Array.from({ length: 8 }, (_, i) =>
          makeResult('r1', i % 4, { provider: i < 4 ? 'local-llm' : 'vllm-box', modelId: model }),
        ),
      }
    })
    const options = within(byId('results-filter-model'))
      .getAllByRole('option')
      .map((o) => o.textContent)
    expect(options).toEqual(['All models', 'local-llm/qwen2.5:7b', 'vllm-box/qwen2.5:7b'])
    fireEvent.change(byId('results-filter-model'), { target: { value: 'vllm-box/qwen2.5:7b' } })
    await waitFor(() => expect(byId('results-total').textContent).toBe('4 results'))
    expect(calls(core, 'runs.resultRows').at(-1)?.input).toMatchObject({
      provider: 'vllm-box',
      modelId: model,
    })
    const rows = resultRows().map((r) => r.textContent ?? '')
    expect(rows).toHaveLength(4)
    expect(rows.every((text) => text.includes('vllm-box/qwen2.5:7b'))).toBe(true)
  })

  it('opens a result with a click; arrows and j/k move, Enter opens, Esc closes', async () => {
    await openRun(seed(10))
    fireEvent.click(resultRows()[4]!.querySelector('.result-cell')!)
    expect(byId('result-detail').textContent).toContain('case-0004')
    fireEvent.keyDown(grid(), { key: 'Escape' })
    expect(screen.queryByTestId('result-detail')).toBeNull()
    fireEvent.keyDown(grid(), { key: 'Home' })
    grid().focus()
    fireEvent.keyDown(grid(), { key: 'j' })
    fireEvent.keyDown(grid(), { key: 'ArrowDown' })
    fireEvent.keyDown(grid(), { key: 'k' })
    expect(resultRows()[1]?.dataset.active).toBe('true')
    fireEvent.keyDown(grid(), { key: 'Enter' })
    expect(byId('result-detail').textContent).toContain('case-0001')
    fireEvent.keyDown(grid(), { key: 'j' })
    expect(byId('result-detail').textContent).toContain('case-0002')
    fireEvent.keyDown(grid(), { key: 'Escape' })
    expect(screen.queryByTestId('result-detail')).toBeNull()
  })

  it('refreshes the visible page as a running run writes results', async () => {
    const { core, state } = await openRun((s) => {
      seed(5)(s)
      s.runs![0]!.status = 'running'
    })
    expect(byId('results-total').textContent).toBe('5 results')
    state.runResults!.r1!.push(makeResult('r1', 5, { errorKind: 'server_error', errorMessage: 'HTTP 500' }))
    act(() => core.transport.emit('db.changed', { tables: ['run_results', 'runs'] }))
    await waitFor(() => expect(byId('results-total').textContent).toBe('6 results'))
    expect(resultRows().at(-1)?.dataset.status).toBe('error')
  })
})

describe('result detail', () => {
  it('renders model output as text, never as markup', async () => {
    await openRun(
      seed(3, (i) =>
        i === 0
          ? {
              responseText: xss,
              request: {
                messages: [
                  { role: 'system', content: '<script>alert(2)</script> You triage tickets.' },
                  { role: 'user', content: 'Ticket: <b>refund</b>' },
                ],
                params: { temperature: 0, maxTokens: 256 },
              },
            }
          : {},
      ),
    )
    fireEvent.click(resultRows()[0]!.querySelector('.result-cell')!)
    const detail = byId('result-detail')
    expect((await screen.findByTestId('result-response')).textContent).toBe(xss)
    expect(resultRows()[0]?.textContent).toContain(xss)
    expect(document.querySelector('img')).toBeNull()
    expect(document.querySelector('script')).toBeNull()
    expect(detail.querySelector('b')).toBeNull()
    const request = byId('result-request')
    expect(request.textContent).toContain('system')
    expect(request.textContent).toContain('<script>alert(2)</script> You triage tickets.')
    expect(request.textContent).toContain('Ticket: <b>refund</b>')
    expect(request.textContent).toContain('maxTokens=256')
  })

  it('pretty-prints JSON, and shows tokens, cost, latency, attempts and the error', async () => {
    const { core } = await openRun(
      seed(2, (i) =>
        i === 1
          ? {
              responseText: null,
              finishReason: null,
              errorKind: 'rate_limit',
              errorMessage: 'Too many requests',
              attempts: 2,
              costUsd: null,
              ttftMs: null,
              totalMs: 2400,
              attemptLog: [
                {
                  attempt: 1,
                  startedAt: 0,
                  endedAt: 300,
                  outcome: 'rate_limited',
                  status: 429,
                  retryAfterMs: 2000,
                  waitMs: 2000,
                },
                {
                  attempt: 2,
                  startedAt: 2300,
                  endedAt: 2400,
                  outcome: 'rate_limited',
                  status: 429,
                  message: 'gave up',
                },
              ],
            }
          : { costUsd: 0.00042 },
      ),
    )
    fireEvent.click(resultRows()[0]!.querySelector('.result-cell')!)
    expect((await screen.findByTestId('result-response')).textContent).toBe(
      '{\n  "category": "billing",\n  "n": 0\n}',
    )
    expect(byId('result-tokens').textContent).toContain('120 in / 12 out')
    expect(byId('result-detail').textContent).toContain('$0.00042')
    expect(byId('result-detail').textContent).toContain('first token 40 ms · total 95 ms')
    // The grid's page rows carry no request or attempt log: the detail fetched the one result it shows.
    expect(calls(core, 'runs.result').map((c) => c.input)).toEqual([
      expect.objectContaining({ runId: 'r1', provider: 'demo', modelId: 'triage-sim-2026-03', repeat: 0 }),
    ])

    fireEvent.click(resultRows()[1]!.querySelector('.result-cell')!)
    expect((await screen.findByTestId('result-error')).textContent).toContain('rate_limit')
    expect(byId('result-error').textContent).toContain('Too many requests')
    expect(byId('result-response').textContent).toBe('No response.')
    const attempts = screen.getAllByTestId('attempt-row')
    expect(attempts.map((a) => a.dataset.outcome)).toEqual(['rate_limited', 'rate_limited'])
    expect(attempts[0]?.textContent).toContain('429')
    expect(attempts[0]?.textContent).toContain('waited 2,000 ms')
    expect(attempts[1]?.textContent).toContain('gave up')
  })
})

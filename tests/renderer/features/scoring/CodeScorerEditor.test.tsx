import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ParsedInput } from '../../../../shared/contract'
import { createFakeCore, defaultState, type FakeCoreState } from '../../fixtures/fake-core'
import { makeResult, makeRun } from '../../fixtures/fake-runs'
import { appState, renderApp } from '../render-app'
import { calls } from '../runs/helpers'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  history.replaceState(null, '', '/')
})

const byId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)
const change = (id: string, value: string) => fireEvent.change(byId(id), { target: { value } })
const source = () => screen.getByLabelText<HTMLTextAreaElement>('Code scorer source')
const scorerRows = () => screen.getAllByTestId('suite-scorer')

async function openSuite(prepare: (state: FakeCoreState) => void = () => undefined) {
  const state = defaultState()
  prepare(state)
  const core = createFakeCore(state)
  const view = renderApp(core.transport)
  await waitFor(() => expect(appState()).toBe('ready'))
  fireEvent.click(screen.getAllByTestId('prompt-item')[1]!)
  fireEvent.click(await screen.findByTestId('tab-suite'))
  await screen.findByTestId('suite-editor')
  return { core, state, ...view }
}

function withRun(state: FakeCoreState) {
  state.runs = [makeRun('r1', { name: 'Triage pilot' }), makeRun('r-other', { name: 'Other prompt' })]
  state.runs[1]!.plan.promptVersionIds = ['p-other-v1']
  state.runResults = {
    r1: [makeResult('r1', 1), makeResult('r1', 2, { provider: 'local-llm', modelId: 'qwen2.5' })],
  }
}

const scorer = `function score(output, { vars, expected }) {
  return { pass: output.includes('billing'), score: 1, reason: 'saw ' + vars.ticket }
}`

describe('code scorer editor', () => {
  it('starts from the template, tries the unsaved scorer on a chosen stored result and saves it', async () => {
    const tried: ParsedInput<'suites.tryCodeScorer'>[] = []
    const { core } = await openSuite((state) => {
      withRun(state)
      state.tryCodeScorer = (input) => {
        tried.push(input)
        return {
          outcome: { value: 1, raw: 1, passed: true, reason: 'saw T-9 <b>' },
          input: { output: '{"category":"billing"}', context: { vars: { ticket: 'T-9' } } },
        }
      }
    })
    fireEvent.click(byId('suite-add-scorer'))
    change('scorer-kind', 'code')
    expect(source().value).toContain('function score(output, { vars, expected, toolCalls, metadata })')
    expect(byId<HTMLInputElement>('scorer-metric').value).toBe('code.score')
    fireEvent.change(source(), { target: { value: scorer } })
    change('scorer-metric', 'code.mentions_billing')
    change('scorer-label', 'Mentions billing')

    // Only the runs of this prompt are offered; the result list names case and provider/model.
    const runSelect = byId<HTMLSelectElement>('code-test-run-select')
    expect([...runSelect.options].map((o) => o.textContent)).toEqual(['Triage pilot'])
    const results = await waitFor(() => {
      const options = [...byId<HTMLSelectElement>('code-test-result-select').options]
      expect(options).toHaveLength(2)
      return options
    })
    expect(results[1]!.textContent).toContain('local-llm/qwen2.5')
    change('code-test-result-select', results[1]!.value)
    fireEvent.click(byId('code-test-run'))

    await waitFor(() => expect(byId('code-test-reason').textContent).toBe('saw T-9 <b>'))
    expect(byId('code-test-score').textContent).toBe('1')
    expect(byId('code-test-passed').textContent).toBe('pass')
    expect(byId('code-test-input').textContent).toContain('"ticket": "T-9"')
    expect(tried[0]).toEqual({
      source: scorer,
      timeLimitMs: 250,
      memoryLimitMb: 16,
      runId: 'r1',
      result: {
        caseId: 'case-0002',
        promptVersionId: 'p-triage-v1',
        provider: 'local-llm',
        modelId: 'qwen2.5',
        repeat: 0,
      },
    })

    // Editing marks the answer stale; Ctrl+Enter in the editor runs it again.
    fireEvent.change(source(), { target: { value: `${scorer}\n` } })
    expect(byId('code-test-outcome').dataset.stale).toBe('true')
    fireEvent.keyDown(source(), { key: 'Enter', ctrlKey: true })
    await waitFor(() => expect(tried).toHaveLength(2))
    await waitFor(() => expect(byId('code-test-outcome').dataset.stale).toBe('false'))
    // Another result: the answer shown is for the previous one, and says so.
    change('code-test-result-select', results[0]!.value)
    expect(byId('code-test-outcome').dataset.stale).toBe('true')
    change('code-test-result-select', results[1]!.value)

    fireEvent.click(byId('scorer-save'))
    await waitFor(() => expect(scorerRows().map((r) => r.dataset.metric)).toContain('code.mentions_billing'))
    const row = scorerRows().find((r) => r.dataset.metric === 'code.mentions_billing')!
    expect(row.textContent).toContain('JavaScript, 3 lines, in the sandbox (250 ms, 16 MB per call)')
    change('suite-message', 'Add a code scorer')
    fireEvent.click(byId('suite-save'))
    await waitFor(() => expect(byId('suite-version').dataset.version).toBe('1'))
    const saved = calls(core, 'suites.save')[0]?.input as { suite: { scorers: unknown[] } }
    expect(saved.suite.scorers.at(-1)).toEqual({
      metric: 'code.mentions_billing',
      label: 'Mentions billing',
      config: { kind: 'code', source: scorer, timeLimitMs: 250, memoryLimitMb: 16 },
    })

    // Editing it again shows its source (trimmed by the suite schema) and limits.
    fireEvent.click(within(scorerRows().at(-1)!).getByTestId('scorer-edit'))
    expect(source().value).toBe(scorer)
    expect(byId<HTMLInputElement>('scorer-time-limit').value).toBe('250')
  })

  it("shows a scorer's error as its message, and refuses limits out of range before calling", async () => {
    await openSuite((state) => {
      withRun(state)
      state.tryCodeScorer = () => ({
        outcome: {
          value: null,
          raw: null,
          passed: null,
          reason: 'The code scorer failed: The scorer ran past its 250 ms time limit and was stopped',
          error: 'timeout',
        },
        input: { output: 'x', context: {} },
      })
    })
    fireEvent.click(byId('suite-add-scorer'))
    change('scorer-kind', 'code')
    await waitFor(() => expect(byId<HTMLButtonElement>('code-test-run').disabled).toBe(false))
    change('scorer-time-limit', '5')
    fireEvent.click(byId('code-test-run'))
    expect(byId('code-test-problem').textContent).toMatch(/time limit is a whole number of ms from 10/)
    change('scorer-time-limit', '250')
    fireEvent.click(byId('code-test-run'))
    await waitFor(() => expect(byId('code-test-error').dataset.kind).toBe('timeout'))
    expect(byId('code-test-error').textContent).toContain('250 ms time limit')
    expect(screen.queryByTestId('code-test-score')).toBeNull()
  })

  it('says so when the prompt has no run to test on', async () => {
    await openSuite()
    fireEvent.click(byId('suite-add-scorer'))
    change('scorer-kind', 'code')
    expect(byId('code-test-no-runs').textContent).toContain('No run of this prompt yet')
  })
})

describe('promptfoo assertions scorer', () => {
  it('saves the field and the judge model, or none', async () => {
    const { core } = await openSuite()
    fireEvent.click(byId('suite-add-scorer'))
    change('scorer-kind', 'assertions')
    expect(byId<HTMLInputElement>('scorer-metric').value).toBe('promptfoo.assertions')
    change('scorer-judge-model', 'demo/triage-sim-2026-03')
    fireEvent.click(byId('scorer-save'))
    await waitFor(() => expect(scorerRows()).toHaveLength(2))
    expect(scorerRows()[1]!.textContent).toContain(
      "the case's promptfoo assertions (expected assertions), llm-rubric graded by demo/triage-sim-2026-03",
    )
    change('suite-message', 'Run the promptfoo assertions')
    fireEvent.click(byId('suite-save'))
    await waitFor(() => expect(byId('suite-version').dataset.version).toBe('1'))
    const saved = calls(core, 'suites.save')[0]?.input as { suite: { scorers: unknown[] } }
    expect(saved.suite.scorers[1]).toEqual({
      metric: 'promptfoo.assertions',
      label: 'promptfoo assertions',
      config: {
        kind: 'assertions',
        field: 'assertions',
        judgeModel: { provider: 'demo', model: 'triage-sim-2026-03' },
      },
    })
  })
})

import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Transport } from '../../../../shared/contract'
import type { DatasetDetail } from '../../../../shared/domain/datasets'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { Run } from '../../../../shared/domain/runs'
import { startCoreProcess, type CoreProcess } from '../../fixtures/core-process'
import { appState, renderApp } from '../render-app'

let core: CoreProcess | null = null
afterEach(async () => {
  cleanup()
  history.replaceState(null, '', '/')
  await core?.close()
  core = null
})

async function call<T>(transport: Transport, method: Parameters<Transport['rpc']>[0], input: unknown) {
  const result = await transport.rpc(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value as T
}

/** A prompt pinned to the user's own server, six cases of their own, and a run of it, started. */
async function startOwnRun(transport: Transport): Promise<Run> {
  const model = { provider: 'local-llm', model: 'qwen2.5-7b-instruct' }
  const prompt = await call<PromptDetail>(transport, 'prompts.create', {
    name: 'Refund answer',
    messages: [{ role: 'user', content: 'Answer the refund question: {{question}}' }],
    model,
    message: 'first cut',
    allowNewVariables: true,
  })
  const dataset = await call<DatasetDetail>(transport, 'datasets.create', { name: 'Refund questions' })
  for (let i = 1; i <= 6; i++) {
    const vars = { question: `Can I return order ${i}?` }
    const fields = { key: `rq-${i}`, vars, expected: {}, expectedOutput: null, tags: [], notes: '' }
    await call(transport, 'cases.add', { datasetId: dataset.dataset.id, fields })
  }
  return call<Run>(transport, 'runs.start', {
    name: 'Refunds on qwen',
    promptVersionIds: [prompt.version.id],
    models: [model],
    datasetId: dataset.dataset.id,
    useCache: false,
    concurrency: { 'local-llm': 2 },
  })
}

const shownResults = () => screen.getByTestId('summary-results').textContent

describe('the open run summary', () => {
  it('follows results as they arrive, a cancel and a resume, without leaving the tab', async () => {
    core = await startCoreProcess({ gated: true })
    const run = await startOwnRun(core.transport)
    renderApp(core.transport, { initialRoute: 'runs', initialRun: run.id, liveRefreshMs: 20 })
    await waitFor(() => expect(appState()).toBe('ready'))
    fireEvent.click(await screen.findByTestId('run-tab-summary'))
    await screen.findByTestId('summary-slice')

    core.release(2)
    await waitFor(() => expect(shownResults()).toBe('2'), { timeout: 30_000 })
    core.release(2)
    await waitFor(() => expect(shownResults()).toBe('4'), { timeout: 30_000 })

    fireEvent.click(screen.getByTestId('run-cancel'))
    fireEvent.click(screen.getByTestId('cancel-run-dialog-confirm'))
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toMatch(/cancelled/i))
    expect(shownResults()).toBe('4')

    // The status can read cancelled before the cancel call itself answers; until then the controls are
    // busy and Resume is disabled (a click on it would do nothing).
    const resume = () => screen.getByTestId<HTMLButtonElement>('run-resume')
    await waitFor(() => expect(resume().disabled).toBe(false))
    fireEvent.click(resume())
    core.release(100)
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toMatch(/completed/i), {
      timeout: 30_000,
    })
    await waitFor(() => expect(shownResults()).toBe('6'), { timeout: 30_000 })
  }, 60_000)

  it('shows a baseline and scores written by another client (the CLI, a second window) at once', async () => {
    core = await startCoreProcess({ gated: true })
    const run = await startOwnRun(core.transport)
    core.release(100)
    renderApp(core.transport, { initialRoute: 'runs', initialRun: run.id, liveRefreshMs: 20 })
    await waitFor(() => expect(appState()).toBe('ready'))
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toMatch(/completed/i), {
      timeout: 30_000,
    })
    fireEvent.click(screen.getByTestId('run-tab-summary'))
    await waitFor(() => expect(shownResults()).toBe('6'), { timeout: 30_000 })
    expect(screen.getByTestId('run-summary').dataset.scored).toBe('false')
    expect(screen.queryByTestId('baseline-badge')).toBeNull()

    // Not through the screen: straight to the core, as another process would.
    const [promptVersionId] = run.plan.promptVersionIds
    const prompts = await call<{ id: string; name: string }[]>(core.transport, 'prompts.list', {})
    const promptId = prompts.find((p) => p.name === 'Refund answer')?.id
    const slice = { promptVersionId, provider: 'local-llm', modelId: 'qwen2.5-7b-instruct' }
    await call(core.transport, 'baselines.set', { promptId, runId: run.id, slice })
    expect(await screen.findByTestId('baseline-badge')).toBeTruthy()
    const notEmpty = { kind: 'rule', rule: { op: 'regex', path: '', pattern: '\\S' } }
    await call(core.transport, 'suites.save', {
      promptId,
      suite: { scorers: [{ metric: 'rule.not_empty', label: 'Not empty', config: notEmpty }], gates: [] },
      message: 'The answer is not empty',
    })
    await call(core.transport, 'runs.score', { runId: run.id })
    await waitFor(() => expect(screen.getByTestId('run-summary').dataset.scored).toBe('true'))
  }, 60_000)
})

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Transport } from '../../../../shared/contract'
import type { CaseDraft } from '../../../../shared/domain/case-drafts'
import type { DatasetCasePage, DatasetSummary } from '../../../../shared/domain/datasets'
import { startCoreProcess, type CoreProcess } from '../../fixtures/core-process'
import { appState, renderApp } from '../render-app'
import { mockTableViewport } from './helpers'

// One core process for both tests (starting one takes seconds): they generate for different segments.
let core: CoreProcess
let restoreViewport = () => undefined as void
beforeAll(async () => {
  core = await startCoreProcess()
}, 30_000)
afterAll(() => core.close())
beforeEach(() => {
  restoreViewport = mockTableViewport()
})
afterEach(() => {
  restoreViewport()
  cleanup()
  history.replaceState(null, '', '/')
})

async function call<T>(transport: Transport, method: Parameters<Transport['rpc']>[0], input: unknown) {
  const result = await transport.rpc(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value as T
}

const drafts = () => screen.queryAllByTestId('draft')
const change = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } })

/** The demo dataset open on its cases, over the real core (with `local-llm`, the mock server, configured). */
async function openDemo(): Promise<{ transport: Transport; datasetId: string }> {
  const [dataset] = await call<DatasetSummary[]>(core.transport, 'datasets.list', {})
  renderApp(core.transport, { initialRoute: 'datasets', initialDataset: { datasetId: dataset!.id } })
  await waitFor(() => expect(appState()).toBe('ready'))
  await screen.findByTestId('dataset-detail')
  return { transport: core.transport, datasetId: dataset!.id }
}

async function generateFor(tag: string, count: number, model?: string) {
  const button = screen.getAllByTestId('coverage-generate').find((b) => b.dataset.tag === tag)
  fireEvent.click(button!)
  const dialog = screen.getByTestId('generate-dialog')
  const modelInput = within(dialog).getByTestId<HTMLInputElement>('generate-model')
  // The simulated model is proposed once the workspace's models are known.
  await waitFor(() => expect(modelInput.value).toBe('demo/triage-sim-2026-03'))
  if (model !== undefined) change(modelInput, model)
  change(within(dialog).getByTestId('generate-count'), String(count))
  fireEvent.click(within(dialog).getByTestId('generate-confirm'))
  return dialog
}

describe('generating cases (real core)', () => {
  it('reviews drafts: edits one, rejects one, accepts one; only the accepted one is a case', async () => {
    const { transport, datasetId } = await openDemo()
    const dialog = await generateFor('channel:phone_transcript', 3)
    await waitFor(() => expect(drafts(), document.body.textContent ?? '').toHaveLength(3), {
      timeout: 10_000,
    })
    expect(dialog.isConnected).toBe(false)

    const first = drafts()[0]!
    fireEvent.click(within(first).getByTestId('draft-edit'))
    const expected = within(first).getByTestId<HTMLTextAreaElement>('draft-expected')
    const original = JSON.parse(expected.value) as object
    change(expected, '{"category": "billing"')
    expect(within(first).getByRole('alert').textContent).toContain('not valid JSON')
    expect(within(first).getByTestId<HTMLButtonElement>('draft-save').disabled).toBe(true)
    const fixed = { ...original, priority: 'p1' }
    change(expected, JSON.stringify(fixed))
    fireEvent.click(within(first).getByTestId('draft-save'))
    await waitFor(() =>
      expect(within(drafts()[0]!).getByTestId('draft-expected-text').textContent).toContain('priority: p1'),
    )

    fireEvent.click(within(drafts()[1]!).getByTestId('draft-reject'))
    await waitFor(() => expect(drafts()).toHaveLength(2))
    fireEvent.click(within(drafts()[0]!).getByTestId('draft-accept'))
    await waitFor(() => expect(drafts()).toHaveLength(1))
    expect(screen.getByTestId('drafts-added').textContent).toContain('Added 1 case')

    const page = await call<DatasetCasePage>(transport, 'datasets.cases', {
      datasetId,
      tags: ['source:generated'],
    })
    expect(page.cases.map((c) => [c.tags, c.expected['priority']])).toEqual([
      [expect.arrayContaining(['channel:phone_transcript', 'source:generated']), 'p1'],
    ])
    // The draft left waiting is still there after a reload of the list, and the way back to it is shown.
    fireEvent.click(screen.getByTestId('drafts-back'))
    expect((await screen.findByTestId('review-drafts')).textContent).toBe('Review drafts (1)')
  }, 30_000)

  it('says what was wrong with a model’s answer that is not cases, and stores nothing', async () => {
    const { transport, datasetId } = await openDemo()
    const before = await call<CaseDraft[]>(transport, 'caseDrafts.list', { datasetId })
    // The mock server answers in prose unless told otherwise: no JSON list of cases.
    const dialog = await generateFor('lang:de', 4, 'local-llm/qwen2.5-7b-instruct')
    const error = await within(dialog).findByTestId('generate-error', {}, { timeout: 10_000 })
    expect(error.textContent).toContain("The model's answer could not be used as cases: it is not JSON")
    expect(error.textContent).toContain('Nothing was stored')
    // The user typed nothing wrong: the next step is about the model, not about correcting a value.
    const hint = error.querySelector('.error-hint')?.textContent ?? ''
    expect(hint).not.toMatch(/Correct the value|was not accepted/)
    expect(hint).toMatch(/another model/)
    expect(hint).toMatch(/fewer cases/)
    expect(screen.queryByTestId('drafts-review')).toBeNull()
    expect(await call<CaseDraft[]>(transport, 'caseDrafts.list', { datasetId })).toEqual(before)
  }, 30_000)
})

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ProductionImport, ProductionSettings } from '../../../../shared/domain/production'
import { createFakeCore, defaultState, type FakeCoreState } from '../../fixtures/fake-core'
import { triageRubric } from '../../fixtures/fake-review'
import { makeRun } from '../../fixtures/fake-runs'
import { appState, renderApp } from '../render-app'
import { evil } from './evil'
import { drift, formatAlert, monitor, preview, productionImport, promptId } from './fixtures'

// ECharts needs a canvas that happy-dom lacks; the option builders have their own tests.
vi.mock('../../../../renderer/src/lib/echarts/EChart', async () => {
  const { forwardRef } = await import('react')
  return {
    EChart: forwardRef<unknown, { testId: string }>(function FakeChart({ testId }, _ref) {
      return <div data-testid={testId} data-rendered="true" />
    }),
  }
})

// The shell loads this screen as a chunk of its own; importing it once here keeps the first test's wait
// about the screen, not about transforming the module on a busy machine.
beforeAll(() => import('../../../../renderer/src/features/production/ProductionScreen'))

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
  localStorage.clear()
})

function setup(prepare: (state: FakeCoreState) => void = () => {}, reviewRubricId: string | null = null) {
  const state = defaultState()
  prepare(state)
  state.datasets = [
    {
      id: 'ds-golden',
      name: 'Triage golden set',
      description: '',
      caseCount: 145,
      tagCounts: {},
      updatedAt: '2025-01-01T00:00:00Z',
      snapshotCount: 1,
      parentId: null,
    },
  ]
  const core = createFakeCore(state)
  let settings: ProductionSettings = { promptId, sampleRate: 0.2, seed: 1, thresholds: [] }
  let imports: ProductionImport[] = []
  const alerts = () =>
    imports.some((i) => i.scored) && settings.thresholds.length > 0 ? [formatAlert()] : []
  core.handlers['production.monitor'] = () => monitor(settings, imports, alerts(), reviewRubricId)
  core.handlers['production.saveSettings'] = (input) => (settings = input)
  core.handlers['production.preview'] = () => preview()
  core.handlers['production.import'] = () => {
    imports = [productionImport({ sampleRate: settings.sampleRate })]
    return imports[0]!
  }
  core.handlers['production.score'] = () => {
    imports = [productionImport({ scored: true, sampleRate: settings.sampleRate })]
    return imports[0]!
  }
  core.handlers['production.drift'] = () => drift()
  core.handlers['production.addToDataset'] = ({ caseIds }) => ({ added: caseIds.length, skipped: 0 })
  return core
}

const calls = (core: ReturnType<typeof setup>, method: string) =>
  core.transport.calls.filter((c) => c.method === method).map((c) => c.input)

async function openScreen(core: ReturnType<typeof setup>) {
  renderApp(core.transport, { initialRoute: 'production' })
  await waitFor(() => expect(appState()).toBe('ready'))
  expect(await screen.findByTestId('production-choose')).toBeTruthy()
  const picker = screen.getByTestId<HTMLSelectElement>('production-prompt')
  await waitFor(() => expect(within(picker).getByText('Triage')).toBeTruthy())
  fireEvent.change(picker, { target: { value: promptId } })
  expect((await screen.findByTestId('production-empty')).textContent).toContain(
    'Import a production log (OpenAI-style JSONL, Langfuse or Helicone export) to start monitoring',
  )
}

async function importAndScore(core: ReturnType<typeof setup>) {
  const file = new File(['{"id":"chatcmpl-1"}\n'], 'production-triage.jsonl')
  fireEvent.change(screen.getByTestId('production-file'), { target: { files: [file] } })
  expect((await screen.findByTestId('production-preview')).textContent).toContain('400 calls')
  const rate = screen.getByTestId<HTMLInputElement>('production-sample-rate')
  expect(rate.value).toBe('20')
  fireEvent.change(rate, { target: { value: '50' } })
  fireEvent.click(screen.getByTestId('production-import'))
  expect((await screen.findByTestId('production-import-result')).textContent).toContain('200 sampled')
  expect(calls(core, 'production.saveSettings')[0]).toMatchObject({ sampleRate: 0.5 })
  fireEvent.click(screen.getByTestId('production-score'))
  expect(await screen.findByTestId('production-scored')).toBeTruthy()
}

describe('the Production screen', () => {
  it('imports a log at a percent sample rate, scores it, alerts on a breached threshold and lists its cases', async () => {
    const core = setup()
    await openScreen(core)
    await importAndScore(core)
    expect(screen.queryByTestId('production-alert')).toBeNull()
    expect(screen.getByTestId('production-timeline').dataset.rendered).toBe('true')

    fireEvent.change(screen.getByTestId('threshold-metric'), { target: { value: 'format.json_schema' } })
    fireEvent.change(screen.getByTestId('threshold-direction'), { target: { value: 'min' } })
    fireEvent.change(screen.getByTestId('threshold-value'), { target: { value: '0.99' } })
    fireEvent.click(screen.getByTestId('threshold-add'))
    fireEvent.click(screen.getByTestId('threshold-save'))

    const alert = await screen.findByTestId('production-alert')
    expect(alert.dataset.breached).toBe('true')
    expect(alert.getAttribute('role')).toBe('alert')
    expect(alert.textContent).toContain(
      'Format check 93.8 % < 99 % on production-triage.jsonl (whole import, 200 calls)',
    )
    const [row] = screen.getAllByTestId('alert-case')
    expect(row!.textContent).toContain(evil)
    expect(row!.querySelector('img')).toBeNull()
    expect(calls(core, 'production.saveSettings').at(-1)).toMatchObject({
      thresholds: [{ metric: 'format.json_schema', direction: 'min', value: 0.99 }],
    })
  })

  it('summarises drift of the latest import and adds the chosen unrepresented cases to the dataset', async () => {
    const core = setup()
    await openScreen(core)
    await importAndScore(core)
    const summary = await screen.findByTestId('drift-summary')
    expect(summary.dataset.drifted).toBe('true')
    expect(summary.textContent).toContain('Spanish is 18 % of production but 4 % of the dataset')
    expect(summary.textContent).toContain('production inputs are longer')
    const rows = screen.getAllByTestId('drift-unrepresented')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.querySelector('img')).toBeNull()
    fireEvent.click(within(rows[1]!).getByRole('checkbox'))
    fireEvent.click(screen.getByTestId('drift-add'))
    expect((await screen.findByTestId('drift-add-result')).textContent).toContain(
      'Added 1 cases to Triage golden set',
    )
    expect(calls(core, 'production.addToDataset')[0]).toEqual({
      importId: 'imp-1',
      caseIds: ['case-9'],
      datasetId: 'ds-golden',
    })
  })

  it("opens the Review screen's new-queue dialog on the import's run and the suite's human rubric", async () => {
    // Neither is first in its list, so a dialog that merely defaulted would show other choices.
    const core = setup((state) => {
      state.runs = [makeRun('run-other'), makeRun('run-prod-1', { name: 'Production sample' })]
      state.rubrics = [{ ...triageRubric, id: 'rub-other', key: 'other', name: 'Other rubric' }, triageRubric]
    }, triageRubric.id)
    await openScreen(core)
    await importAndScore(core)
    fireEvent.click(screen.getByTestId('production-review-sample'))
    expect(await screen.findByTestId('queue-dialog')).toBeTruthy()
    await waitFor(() => expect(screen.getByTestId<HTMLSelectElement>('queue-run').value).toBe('run-prod-1'))
    expect(screen.getByTestId<HTMLSelectElement>('queue-rubric').value).toBe(triageRubric.id)
    expect(screen.getByTestId<HTMLInputElement>('queue-name').value).toBe('Production sample review')
    expect(location.hash).toBe('#/review')
  })

  it('keeps the chosen prompt across a reload, and forgets it once the user clears the choice', async () => {
    const core = setup()
    await openScreen(core)
    cleanup()
    // A reload: a new app over the same workspace.
    renderApp(core.transport, { initialRoute: 'production' })
    expect(await screen.findByTestId('production-empty')).toBeTruthy()
    const picker = screen.getByTestId<HTMLSelectElement>('production-prompt')
    expect(picker.value).toBe(promptId)
    fireEvent.change(picker, { target: { value: '' } })
    expect(await screen.findByTestId('production-choose')).toBeTruthy()
    cleanup()
    renderApp(core.transport, { initialRoute: 'production' })
    await waitFor(() => expect(appState()).toBe('ready'))
    expect(await screen.findByTestId('production-choose')).toBeTruthy()
  })

  it('adds default thresholds only for pass/fail metrics production can measure; refuses shares above 1', async () => {
    const core = setup()
    await openScreen(core)
    fireEvent.click(await screen.findByTestId('threshold-defaults'))
    // The suite's rule.category compares with an expected field that logged calls lack: no default for it.
    const rows = screen.getAllByTestId('threshold-row')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.textContent).toContain('Format check ≥ 95 %')
    expect(screen.getByTestId('threshold-scope').textContent).toContain('each of its days with at least 20')
    fireEvent.change(screen.getByTestId('threshold-value'), { target: { value: '99' } })
    expect(screen.getByTestId<HTMLButtonElement>('threshold-add').disabled).toBe(true)
    expect(screen.getByText(/0\.\.1/)).toBeTruthy()
  })
})

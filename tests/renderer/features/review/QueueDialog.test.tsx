import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { triageRubric } from '../../fixtures/fake-review'
import { makeRun } from '../../fixtures/fake-runs'
import { calls, openReview } from './helpers'

afterEach(() => {
  cleanup()
  localStorage.clear()
  history.replaceState(null, '', '/')
})

const byId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)
const change = (id: string, value: string) => fireEvent.change(byId(id), { target: { value } })
const checkbox = (id: string, attr: string, value: string) =>
  screen
    .getAllByTestId<HTMLInputElement>(id)
    .find((el) => el.getAttribute(attr) === value) as HTMLInputElement

async function openDialog() {
  const opened = await openReview((state) => {
    state.rubrics = [triageRubric]
    state.runs = [
      makeRun('r1', {
        name: 'v2 vs v3',
        plan: {
          promptVersionIds: ['p-triage-v2', 'p-triage-v3'],
          models: [{ provider: 'demo', model: 'triage-sim-2026-09' }],
          datasetId: 'ds-golden',
          repeats: 1,
          useCache: true,
          mode: 'stream' as const,
        },
      }),
    ]
  })
  fireEvent.click(byId('queue-new'))
  await screen.findByTestId('queue-dialog')
  await waitFor(() => expect(byId<HTMLSelectElement>('queue-rubric').value).toBe('rub-triage-1'))
  return opened
}

describe('new queue dialog', () => {
  it('builds a sample draft with a subset of criteria, two reviewers (one added inline), blind by default', async () => {
    const { core } = await openDialog()
    expect(byId<HTMLInputElement>('queue-blind').checked).toBe(true)
    expect(screen.getAllByTestId<HTMLInputElement>('queue-criterion').every((c) => c.checked)).toBe(true)
    fireEvent.click(checkbox('queue-criterion', 'data-key', 'urgency'))
    change('queue-source', 'sample')
    change('queue-sample-n', '4')
    // Two versions on one model: each sampled case is reviewed twice, and the dialog says so up front.
    await waitFor(() =>
      expect(byId('queue-item-count').textContent).toBe('This queue will hold 8 items: 4 cases × 2 slices.'),
    )
    change('queue-sample-n', '20')
    await waitFor(() => expect(byId('queue-item-count').dataset.items).toBe('20'))
    fireEvent.click(checkbox('queue-assignee', 'data-name', 'Ana'))
    change('reviewer-new-name', 'Cleo')
    fireEvent.click(byId('reviewer-new-add'))
    await waitFor(() => expect(checkbox('queue-assignee', 'data-name', 'Cleo').checked).toBe(true))
    change('queue-reviewers-per-item', '2')
    change('queue-name', 'Weekly check')
    fireEvent.click(byId('queue-create'))
    await waitFor(() => expect(calls(core, 'queues.create')).toHaveLength(1))
    expect(calls(core, 'queues.create')[0]?.input).toEqual({
      name: 'Weekly check',
      runId: 'r1',
      rubricId: 'rub-triage-1',
      criterionKeys: ['category_correct', 'tone'],
      mode: 'single',
      source: { kind: 'sample', n: 20, seed: 1 },
      reviewersPerItem: 2,
      reviewerIds: ['rv-ana', 'rv-cleo'],
      blind: true,
    })
    expect(calls(core, 'reviewers.create')[0]?.input).toEqual({ name: 'Cleo' })
    await waitFor(() => expect(screen.queryByTestId('queue-dialog')).toBeNull())
    expect((await screen.findByTestId('queue-detail')).textContent).toContain('Weekly check')
  })

  it('builds a pairwise draft with a filter source and blind off', async () => {
    const { core } = await openDialog()
    change('queue-source', 'filter')
    change('queue-filter-model', 'demo/triage-sim-2026-09')
    change('queue-filter-tag', 'tier:enterprise')
    change('queue-mode', 'pairwise')
    change('queue-pair-a', 'p-triage-v3|demo|triage-sim-2026-09')
    change('queue-pair-b', 'p-triage-v2|demo|triage-sim-2026-09')
    fireEvent.click(checkbox('queue-assignee', 'data-name', 'Ben'))
    fireEvent.click(byId('queue-blind'))
    fireEvent.click(byId('queue-create'))
    await waitFor(() => expect(calls(core, 'queues.create')).toHaveLength(1))
    expect(calls(core, 'queues.create')[0]?.input).toMatchObject({
      mode: 'pairwise',
      blind: false,
      source: { kind: 'filter', provider: 'demo', modelId: 'triage-sim-2026-09', tag: 'tier:enterprise' },
      pair: {
        a: { promptVersionId: 'p-triage-v3', provider: 'demo', modelId: 'triage-sim-2026-09' },
        b: { promptVersionId: 'p-triage-v2', provider: 'demo', modelId: 'triage-sim-2026-09' },
      },
      reviewerIds: ['rv-ben'],
    })
  })

  it('says what is missing instead of calling the core', async () => {
    const { core } = await openDialog()
    change('queue-source', 'failing')
    expect(byId('queue-failing-metric')).toBeTruthy()
    fireEvent.click(byId('queue-create'))
    expect(byId('queue-form-error').textContent).toContain('Assign at least one reviewer')
    expect(calls(core, 'queues.create')).toHaveLength(0)
  })
})

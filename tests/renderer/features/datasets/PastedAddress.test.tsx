import { cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DatasetDetail } from '../../../../shared/domain/datasets'
import { createFakeCore, deferred, type FakeCoreState } from '../../fixtures/fake-core'
import { seedDataset } from '../../fixtures/fake-datasets'
import type { Stores } from '../../../../renderer/src/stores'
import { mockTableViewport, openDataset } from './helpers'

let restoreViewport = () => undefined as void
beforeEach(() => {
  restoreViewport = mockTableViewport()
})
afterEach(() => {
  restoreViewport()
  cleanup()
  history.replaceState(null, '', '/')
})

/** A second dataset, ds-2 "Refunds", with snapshot 1 taken before two of its cases changed. */
function withRefunds(state: FakeCoreState) {
  seedDataset(state, 'ds-2', 4, 'Refunds')
  void createFakeCore(state).handlers['datasets.snapshot']!({ datasetId: 'ds-2', message: 'As imported' })
  const cases = state.cases['ds-2']!
  cases[0] = { ...cases[0]!, vars: { ...cases[0]!.vars, subject: 'Refund, reworded' } }
}

/**
 * The user pastes an address. As in a browser, the address changes at once and `hashchange` follows as a
 * task of its own (happy-dom dispatches it from a timer); `meanwhile` runs in that gap.
 */
function pasteAddress(hash: string, meanwhile: () => void = () => undefined) {
  history.pushState(null, '', hash)
  meanwhile()
}

/** Holds every `datasets.get` reply until `releaseAll`, in the order asked. */
function holdDatasetReplies(core: ReturnType<typeof createFakeCore>) {
  const get = core.handlers['datasets.get']!
  const held: (() => void)[] = []
  core.handlers['datasets.get'] = (input) => {
    const gate = deferred<void>()
    held.push(() => gate.resolve())
    return gate.promise.then(() => get(input) as DatasetDetail)
  }
  return {
    count: () => held.length,
    releaseFirst: () => held.shift()?.(),
    releaseAll: () => held.splice(0).forEach((release) => release()),
  }
}

/** What the `db.changed` listener does when the core wrote to a dataset: the open detail is refetched. */
const refetchDetail = (stores: Stores) =>
  void stores.queries.invalidateQueries({ queryKey: ['datasets.get'] })

const shownDataset = () => screen.getByTestId('dataset-detail').dataset.datasetId

describe('an address pasted while the app is busy', () => {
  it('opens the pasted dataset although the open one refreshed before the browser announced the change', async () => {
    const { stores } = await openDataset(5, withRefunds)
    expect(location.hash).toBe('#/datasets/ds-1')

    // The open dataset changed in the core (an import, another window): its refresh starts in the gap.
    pasteAddress('#/datasets/ds-2', () => refetchDetail(stores))
    expect(location.hash).toBe('#/datasets/ds-2')

    await waitFor(() => expect(shownDataset()).toBe('ds-2'))
    expect(screen.getByTestId('dataset-name').textContent).toBe('Refunds')
    expect(location.hash).toBe('#/datasets/ds-2')
  })

  it('keeps the pasted address while its dataset loads', async () => {
    const { core } = await openDataset(5, withRefunds)
    const replies = holdDatasetReplies(core)

    pasteAddress('#/datasets/ds-2/diff/1..working')
    await waitFor(() => expect(replies.count()).toBeGreaterThan(0))
    expect(location.hash).toBe('#/datasets/ds-2/diff/1..working')

    replies.releaseAll()
    await screen.findByTestId('snapshot-diff')
    expect(location.hash).toBe('#/datasets/ds-2/diff/1..working')
  })

  it('opens the pasted snapshot diff although the core wrote to it while it loaded', async () => {
    const { core, stores } = await openDataset(5, withRefunds)
    const replies = holdDatasetReplies(core)

    pasteAddress('#/datasets/ds-2/diff/1..working')
    await waitFor(() => expect(replies.count()).toBeGreaterThan(0))
    const asked = replies.count()
    // The core wrote to the dataset while the reply was on its way: the refresh asks again.
    refetchDetail(stores)
    // The refetch joins the request in flight (nothing shown yet that it could replace)...
    expect(replies.count()).toBe(asked)

    // ...whose answer opens the dataset and the diff the address names.
    replies.releaseAll()
    await waitFor(() => expect(screen.getByTestId('dataset-name').textContent).toBe('Refunds'))
    await screen.findByTestId('snapshot-diff')
    await waitFor(() => expect(screen.getByTestId('diff-count-edited').dataset.count).toBe('1'))
    expect(shownDataset()).toBe('ds-2')
    expect(location.hash).toBe('#/datasets/ds-2/diff/1..working')
  })
})

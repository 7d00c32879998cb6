import { useEffect } from 'react'
import { formatHash, parseHash } from '../../stores/app/location'
import type { RouteId } from '../../stores/app/routes'
import type { Stores } from '../../stores'
import { useStores } from '../../stores/hooks'
import { cachedDetail } from '../../stores/datasets/detail-store'
import { locationOf } from '../../stores/navigation'

/** `#/datasets` → 'datasets'; anything else → null. A reload keeps the screen the user was on. */
export function routeFromHash(hash: string): RouteId | null {
  return parseHash(hash)?.route ?? null
}

type AddressStores = Pick<
  Stores,
  'app' | 'queries' | 'prompts' | 'diff' | 'datasetDetail' | 'snapshotDiff' | 'runs' | 'queues' | 'nav'
>

/**
 * The two directions between the address bar and the screen. A browser changes the address at once but
 * announces it (`hashchange`) later, as a task of its own; a store may change in between (a refresh, a
 * run's progress). So the address is written only while it is still the one this sync last wrote or
 * accepted, and not while an address the user gave is being applied: what the user typed is never
 * replaced by the screen they are leaving.
 */
export function createAddressSync(stores: AddressStores, win: Window = window) {
  let known: string | null = null
  let applying = 0

  const target = () =>
    formatHash(
      locationOf({
        app: stores.app.getState(),
        prompts: stores.prompts.getState(),
        diff: stores.diff.getState(),
        datasetDetail: stores.datasetDetail.getState(),
        datasetShown: cachedDetail(stores.queries, stores.datasetDetail.getState().selectedId) ?? null,
        snapshotDiff: stores.snapshotDiff.getState(),
        runs: stores.runs.getState(),
        queues: stores.queues.getState(),
      }),
    )

  const write = (): void => {
    if (stores.app.getState().phase !== 'ready' || applying > 0) return
    if (known !== null && win.location.hash !== known) return
    const next = target()
    if (win.location.hash !== next) win.history.replaceState(win.history.state, '', next)
    known = next
  }

  const follow = (): void => {
    const hash = win.location.hash
    // Our own address (or a change already undone): nothing new to show.
    if (hash === known) return
    known = hash
    const location = parseHash(hash)
    if (!location) return write()
    applying += 1
    void stores.nav.apply(location).finally(() => {
      applying -= 1
      write()
    })
  }

  return { write, follow }
}

/**
 * Keeps the address in step with what is shown (screen, prompt, tab, version, diff pair), without
 * adding history entries; and follows a hash typed or pasted into the address bar. Starts writing only
 * once the app is ready, so the address the app was opened with is applied before it is replaced.
 */
export function useLocationHash(): void {
  const stores = useStores()
  useEffect(() => {
    const { write, follow } = createAddressSync(stores)
    const { app, prompts, diff, datasetDetail, snapshotDiff, runs, queues } = stores
    write()
    const unsubscribe = [app, prompts, diff, datasetDetail, snapshotDiff, runs, queues].map((store) =>
      store.subscribe(write),
    )
    // The open dataset's snapshot numbers arrive with its query.
    unsubscribe.push(stores.queries.getQueryCache().subscribe(write))
    window.addEventListener('hashchange', follow)
    return () => {
      unsubscribe.forEach((off) => off())
      window.removeEventListener('hashchange', follow)
    }
  }, [stores])
}

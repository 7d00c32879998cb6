import { useEffect } from 'react'
import { formatHash, parseHash } from '../../stores/app/location'
import type { RouteId } from '../../stores/app/routes'
import { useStores } from '../../stores/hooks'
import { locationOf } from '../../stores/navigation'

/** `#/datasets` → 'datasets'; anything else → null. A reload keeps the screen the user was on. */
export function routeFromHash(hash: string): RouteId | null {
  return parseHash(hash)?.route ?? null
}

/**
 * Keeps the address in step with what is shown (screen, prompt, tab, version, diff pair), without
 * adding history entries; and follows a hash typed or pasted into the address bar. Starts writing only
 * once the app is ready, so the address the app was opened with is applied before it is replaced.
 */
export function useLocationHash(): void {
  const stores = useStores()
  useEffect(() => {
    const { app, prompts, diff, datasetDetail, snapshotDiff, runs, queues } = stores
    const write = () => {
      if (app.getState().phase !== 'ready') return
      const target = formatHash(
        locationOf({
          app: app.getState(),
          prompts: prompts.getState(),
          diff: diff.getState(),
          datasetDetail: datasetDetail.getState(),
          snapshotDiff: snapshotDiff.getState(),
          runs: runs.getState(),
          queues: queues.getState(),
        }),
      )
      if (window.location.hash !== target) window.history.replaceState(window.history.state, '', target)
    }
    const onHashChange = () => {
      const location = parseHash(window.location.hash)
      if (location) void stores.nav.apply(location)
    }
    write()
    const unsubscribe = [app, prompts, diff, datasetDetail, snapshotDiff, runs, queues].map((store) =>
      store.subscribe(write),
    )
    window.addEventListener('hashchange', onHashChange)
    return () => {
      unsubscribe.forEach((off) => off())
      window.removeEventListener('hashchange', onHashChange)
    }
  }, [stores])
}

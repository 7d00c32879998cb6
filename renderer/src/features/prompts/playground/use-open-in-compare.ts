import { useMemo } from 'react'
import type { Run } from '../../../../../shared/domain/runs'
import { useSlicesOf } from '../../../queries/compare'
import { selectAppActions } from '../../../stores/app/selectors'
import { selectCompareActions, selectCompareRuns } from '../../../stores/compare/selectors'
import { useApp, useCompare } from '../../../stores/hooks'

/**
 * Opens Compare with the saved run added and its slices picked. Done through the stores, not an address:
 * `#/compare?runs=` is read only when the app loads (the address is rewritten as the screen changes).
 */
export function useOpenInCompare(run: Run | null): () => void {
  const { navigate } = useApp(selectAppActions)
  const { addRun } = useCompare(selectCompareActions)
  const added = useCompare(selectCompareRuns)
  const runs = useMemo(() => (run ? [...added, { id: run.id, name: run.name }] : added), [added, run])
  const slicesOf = useSlicesOf(runs)
  return () => {
    if (!run) return
    navigate('compare')
    void addRun({ id: run.id, name: run.name }, slicesOf)
  }
}

import { useStore } from 'zustand'
import { useStores } from '../hooks'
import type { BreachesState } from './breaches-store'
import type { DriftState } from './drift-store'
import type { ImportState } from './import-store'
import type { MonitorState } from './monitor-store'

/** Selectors must return stable values (a field, a primitive); derive lists with useMemo in the component. */
export function useMonitor<T>(selector: (s: MonitorState) => T): T {
  return useStore(useStores().production.monitor, selector)
}

export function useProductionImport<T>(selector: (s: ImportState) => T): T {
  return useStore(useStores().production.importer, selector)
}

export function useDrift<T>(selector: (s: DriftState) => T): T {
  return useStore(useStores().production.drift, selector)
}

export function useBreaches<T>(selector: (s: BreachesState) => T): T {
  return useStore(useStores().production.breaches, selector)
}

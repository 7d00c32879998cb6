import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { Stores } from './index'
import type { AppState } from './app/app-store'
import type { DatasetsState } from './datasets/datasets-store'
import type { PromptsState } from './prompts/prompts-store'

export const StoresContext = createContext<Stores | null>(null)

function useStores(): Stores {
  const stores = useContext(StoresContext)
  if (!stores) throw new Error('StoresContext is missing: render inside <App stores={...}>')
  return stores
}

/** Selectors must return stable values (a field, a primitive); derive lists with useMemo in the component. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useStores().app, selector)
}

export function usePrompts<T>(selector: (s: PromptsState) => T): T {
  return useStore(useStores().prompts, selector)
}

export function useDatasets<T>(selector: (s: DatasetsState) => T): T {
  return useStore(useStores().datasets, selector)
}

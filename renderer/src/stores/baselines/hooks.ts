import { useStore } from 'zustand'
import { useStores } from '../hooks'
import type { FolderState } from './folder-store'
import type { SignoffState } from './signoff-store'
import type { SigningKeysState } from './signing-keys-store'

/** Selectors must return stable values (a field, a primitive); derive lists with useMemo in the component. */
export function useSigningKeys<T>(selector: (s: SigningKeysState) => T): T {
  return useStore(useStores().baselines.keys, selector)
}

export function useSignoff<T>(selector: (s: SignoffState) => T): T {
  return useStore(useStores().baselines.signoff, selector)
}

export function useBaselineFolder<T>(selector: (s: FolderState) => T): T {
  return useStore(useStores().baselines.folder, selector)
}

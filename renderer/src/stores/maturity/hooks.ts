import { useStore } from 'zustand'
import { useStores } from '../hooks'
import type { ScorecardState } from './scorecard-store'

/** Selectors must return stable values (a field, a primitive). */
export function useScorecard<T>(selector: (s: ScorecardState) => T): T {
  return useStore(useStores().scorecard, selector)
}

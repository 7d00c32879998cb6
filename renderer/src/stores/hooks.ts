import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { Stores } from './index'
import type { AppState } from './app/app-store'
import type { ConnectionStoreState } from './app/connection-store'
import type { CasesState } from './cases/cases-store'
import type { CompareState } from './compare/compare-store'
import type { CaseEditState } from './datasets/case-edit-store'
import type { CaseOpsState } from './datasets/case-ops-store'
import type { CaseTableState } from './datasets/case-table-store'
import type { DatasetNavigation } from './datasets/dataset-navigation'
import type { DatasetsState } from './datasets/datasets-store'
import type { DetailState } from './datasets/detail-store'
import type { DuplicatesState } from './datasets/duplicates-store'
import type { ImportState } from './datasets/import-store'
import type { SnapshotDiffState } from './datasets/snapshot-diff-store'
import type { DiffState } from './diff/diff-store'
import type { FilesState } from './files/files-store'
import type { Navigation } from './navigation'
import type { NewPromptState } from './new-prompt/new-prompt-store'
import type { PreviewState } from './preview/preview-store'
import type { PromptsState } from './prompts/prompts-store'
import type { PromotionState } from './registry/promotion-store'
import type { RollbackState } from './registry/rollback-store'
import type { NewRunState } from './runs/new-run-store'
import type { ResultsState } from './runs/results-store'
import type { RunsState } from './runs/runs-store'
import type { QueuesState } from './review/queues-store'
import type { SessionState } from './review/session-store'
import type { SuiteState } from './scoring/suite-store'
import type { SummaryState } from './scoring/summary-store'

export const StoresContext = createContext<Stores | null>(null)

/** The stores themselves: for shell-level hooks that sync the address bar, never for screens. */
export function useStores(): Stores {
  const stores = useContext(StoresContext)
  if (!stores) throw new Error('StoresContext is missing: render inside <App stores={...}>')
  return stores
}

/** Selectors must return stable values (a field, a primitive); derive lists with useMemo in the component. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useStores().app, selector)
}

export function useConnection<T>(selector: (s: ConnectionStoreState) => T): T {
  return useStore(useStores().connection, selector)
}

export function usePrompts<T>(selector: (s: PromptsState) => T): T {
  return useStore(useStores().prompts, selector)
}

export function useDatasets<T>(selector: (s: DatasetsState) => T): T {
  return useStore(useStores().datasets, selector)
}

export function useNewPrompt<T>(selector: (s: NewPromptState) => T): T {
  return useStore(useStores().newPrompt, selector)
}

export function usePreview<T>(selector: (s: PreviewState) => T): T {
  return useStore(useStores().preview, selector)
}

export function useCases<T>(selector: (s: CasesState) => T): T {
  return useStore(useStores().cases, selector)
}

export function useDiff<T>(selector: (s: DiffState) => T): T {
  return useStore(useStores().diff, selector)
}

export function usePromotion<T>(selector: (s: PromotionState) => T): T {
  return useStore(useStores().promotion, selector)
}

export function useRollback<T>(selector: (s: RollbackState) => T): T {
  return useStore(useStores().rollback, selector)
}

export function useFiles<T>(selector: (s: FilesState) => T): T {
  return useStore(useStores().files, selector)
}

/** Moves across stores (open a prompt on a tab, compare two versions). */
export function useNavigation(): Navigation {
  return useStores().nav
}

export function useDatasetDetail<T>(selector: (s: DetailState) => T): T {
  return useStore(useStores().datasetDetail, selector)
}

export function useCaseTable<T>(selector: (s: CaseTableState) => T): T {
  return useStore(useStores().caseTable, selector)
}

export function useCaseEdit<T>(selector: (s: CaseEditState) => T): T {
  return useStore(useStores().caseEdit, selector)
}

export function useCaseOps<T>(selector: (s: CaseOpsState) => T): T {
  return useStore(useStores().caseOps, selector)
}

export function useDatasetImport<T>(selector: (s: ImportState) => T): T {
  return useStore(useStores().datasetImport, selector)
}

export function useSnapshotDiff<T>(selector: (s: SnapshotDiffState) => T): T {
  return useStore(useStores().snapshotDiff, selector)
}

export function useDuplicates<T>(selector: (s: DuplicatesState) => T): T {
  return useStore(useStores().duplicates, selector)
}

/** Moves between the dataset list, a dataset and a snapshot diff. */
export function useDatasetNav(): DatasetNavigation {
  return useStores().nav.datasets
}

/**
 * The case table and editing stores themselves, for the grid's key and pointer handlers: they read the
 * latest state once per event instead of re-rendering the grid on every change.
 */
export function useCaseGridStores(): Pick<Stores, 'caseTable' | 'caseEdit'> {
  const { caseTable, caseEdit } = useStores()
  return { caseTable, caseEdit }
}

export function useRuns<T>(selector: (s: RunsState) => T): T {
  return useStore(useStores().runs, selector)
}

export function useResults<T>(selector: (s: ResultsState) => T): T {
  return useStore(useStores().results, selector)
}

export function useNewRun<T>(selector: (s: NewRunState) => T): T {
  return useStore(useStores().newRun, selector)
}

export function useSuite<T>(selector: (s: SuiteState) => T): T {
  return useStore(useStores().suite, selector)
}

export function useSummary<T>(selector: (s: SummaryState) => T): T {
  return useStore(useStores().summary, selector)
}

export function useQueues<T>(selector: (s: QueuesState) => T): T {
  return useStore(useStores().queues, selector)
}

export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(useStores().session, selector)
}

/** The review session store itself, for the document-level key handler: it reads state once per key. */
export function useSessionStore(): Stores['session'] {
  return useStores().session
}

/**
 * The results and runs stores themselves, for the results grid's key handler: it reads the latest state
 * once per key press instead of re-rendering the grid on every change.
 */
export function useRunGridStores(): Pick<Stores, 'results'> {
  const { results } = useStores()
  return { results }
}

export function useCompare<T>(selector: (s: CompareState) => T): T {
  return useStore(useStores().compare, selector)
}

import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DatasetCase, DatasetDetail } from '../../../../shared/domain/datasets'
import { plural } from '../../components/format'
import { toErrorInfo, type ApiClient } from '../../api'
import { submitBusy, submitDone, submitFailed, submitIdle, type SubmitState } from '../load-state'

export type CaseOp = 'add' | 'duplicate' | 'delete' | 'tag' | 'newDataset'

export interface CaseOpsActions {
  /** A new case with an empty value for each known variable; the core picks its key. */
  add: (datasetId: string, varNames: readonly string[]) => Promise<DatasetCase | null>
  duplicate: (caseIds: readonly string[]) => Promise<DatasetCase[] | null>
  remove: (caseIds: readonly string[]) => Promise<number | null>
  tag: (caseIds: readonly string[], add: string[], remove: string[]) => Promise<number | null>
  createFromCases: (
    sourceDatasetId: string,
    caseIds: readonly string[],
    name: string,
    description: string,
  ) => Promise<DatasetDetail | null>
  dismiss: () => void
}

export interface CaseOpsState {
  op: CaseOp | null
  state: SubmitState
  /** What the last operation did, in words ("Tagged 10 cases"); shown in a status line. */
  outcome: string | null
  actions: CaseOpsActions
}

export type CaseOpsStore = StoreApi<CaseOpsState>

/** Add, duplicate, delete and tag cases, and make a linked dataset from some of them. */
export function createCaseOpsStore(client: ApiClient): CaseOpsStore {
  return createStore<CaseOpsState>()((set, get) => {
    async function run<T>(op: CaseOp, call: () => Promise<T>, describe: (value: T) => string) {
      if (get().state.status === 'busy') return null
      set({ op, state: submitBusy, outcome: null })
      try {
        const value = await call()
        set({ state: submitDone, outcome: describe(value) })
        return value
      } catch (error) {
        set({ state: submitFailed(toErrorInfo(error)) })
        return null
      }
    }

    return {
      op: null,
      state: submitIdle,
      outcome: null,
      actions: {
        add: (datasetId, varNames) =>
          run(
            'add',
            () =>
              client.call('cases.add', {
                datasetId,
                fields: {
                  vars: Object.fromEntries(varNames.map((name) => [name, ''])),
                  expected: {},
                  expectedOutput: null,
                  tags: [],
                  notes: '',
                },
              }),
            (c) => `Added case ${c.key}`,
          ),
        duplicate: (caseIds) =>
          run(
            'duplicate',
            () => client.call('cases.duplicate', { caseIds: [...caseIds] }),
            (copies) => `Duplicated ${plural(copies.length, 'case')}`,
          ),
        remove: (caseIds) =>
          run(
            'delete',
            async () => (await client.call('cases.delete', { caseIds: [...caseIds] })).deleted,
            (n) => `Deleted ${plural(n, 'case')}`,
          ),
        tag: (caseIds, add, remove) =>
          run(
            'tag',
            async () => (await client.call('cases.tag', { caseIds: [...caseIds], add, remove })).updated,
            (n) => `Tagged ${plural(n, 'case')}`,
          ),
        createFromCases: (sourceDatasetId, caseIds, name, description) =>
          run(
            'newDataset',
            () =>
              client.call('datasets.createFromCases', {
                sourceDatasetId,
                caseIds: [...caseIds],
                name,
                description,
              }),
            (d) => `Created "${d.dataset.name}" with ${plural(d.dataset.caseCount, 'case')}`,
          ),
        dismiss: () => set({ op: null, state: submitIdle, outcome: null }),
      },
    }
  })
}

import { createStore, type StoreApi } from 'zustand/vanilla'
import type {
  BundleExport,
  BundleExportRecord,
  BundleImport,
  Signoff,
  VerifyReport,
} from '../../../../shared/domain/bundles'
import type { Baseline } from '../../../../shared/domain/scoring'
import type { ApiClient } from '../../api'
import {
  createSequence,
  failed,
  idle,
  loading,
  ready,
  settleLatest,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'
import { runSubmit } from './submit'

/** Tables whose change makes the prompt's baselines, sign-offs or past exports stale. */
export const folderTables = ['baselines', 'signoffs', 'bundle_exports'] as const

export interface ExportRequest {
  folder: string
  commit: boolean
  commitMessage: string
}

export interface FolderActions {
  /** Shows one prompt's baselines, sign-offs and exports; a different prompt clears the last results. */
  open: (promptId: string) => Promise<void>
  refresh: () => Promise<void>
  exportBundle: (request: ExportRequest) => Promise<BundleExport | null>
  /** `allowedSigners`: the text of allowed-signers or public-key files the user picked. */
  verify: (folder: string, allowedSigners: readonly string[]) => Promise<VerifyReport | null>
  importBundle: (folder: string) => Promise<BundleImport | null>
}

export interface FolderState {
  promptId: string | null
  baselines: Baseline[]
  signoffs: Signoff[]
  exports: BundleExportRecord[]
  load: LoadState
  exportSubmit: SubmitState
  exportResult: BundleExport | null
  verifySubmit: SubmitState
  verifyResult: VerifyReport | null
  importSubmit: SubmitState
  importResult: BundleImport | null
  actions: FolderActions
}

export type FolderStore = StoreApi<FolderState>

const cleared = {
  baselines: [],
  signoffs: [],
  exports: [],
  load: idle,
  exportSubmit: submitIdle,
  exportResult: null,
  verifySubmit: submitIdle,
  verifyResult: null,
  importSubmit: submitIdle,
  importResult: null,
} satisfies Omit<FolderState, 'promptId' | 'actions'>

export function createFolderStore(client: ApiClient): FolderStore {
  const seq = createSequence()
  return createStore<FolderState>()((set, get) => {
    async function load(promptId: string): Promise<void> {
      const n = seq.next()
      if (get().load.status !== 'ready') set({ load: loading })
      const request = Promise.all([
        client.call('baselines.list', { promptId }),
        client.call('signoffs.list', { promptId }),
        client.call('bundles.exports', { promptId }),
      ])
      await settleLatest(seq, n, request, {
        value: ([baselines, signoffs, exports]) => set({ baselines, signoffs, exports, load: ready }),
        error: (error) => set({ load: failed(error) }),
      })
    }

    /** A write's result reaches the store only while the same prompt is still shown. */
    async function forPrompt<T>(
      mark: (state: SubmitState) => void,
      request: () => Promise<T>,
      keep: (value: T) => void,
    ): Promise<T | null> {
      const promptId = get().promptId
      const value = await runSubmit(mark, request)
      if (value !== null && get().promptId === promptId) keep(value)
      return value
    }

    const actions: FolderActions = {
      open: async (promptId) => {
        if (get().promptId !== promptId) set({ promptId, ...cleared })
        await load(promptId)
      },
      refresh: async () => {
        const promptId = get().promptId
        if (promptId) await load(promptId)
      },
      exportBundle: async (request) => {
        const promptId = get().promptId
        if (!promptId) return null
        return forPrompt(
          (exportSubmit) => set({ exportSubmit }),
          () => client.call('bundles.export', { promptId, ...request }),
          (exportResult) => set({ exportResult }),
        )
      },
      verify: (folder, allowedSigners) =>
        forPrompt(
          (verifySubmit) => set({ verifySubmit }),
          () => client.call('bundles.verify', { folder, allowedSigners: [...allowedSigners] }),
          (verifyResult) => set({ verifyResult }),
        ),
      importBundle: (folder) =>
        forPrompt(
          (importSubmit) => set({ importSubmit }),
          () => client.call('bundles.import', { folder }),
          (importResult) => set({ importResult }),
        ),
    }
    return { promptId: null, ...cleared, actions }
  })
}

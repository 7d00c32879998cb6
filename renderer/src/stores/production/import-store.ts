import { createStore, type StoreApi } from 'zustand/vanilla'
import type {
  ProductionImport,
  ProductionPreview,
  ProductionSettings,
} from '../../../../shared/domain/production'
import { toErrorInfo, type ApiClient } from '../../api'
import {
  createSequence,
  failed,
  idle,
  loading,
  ready,
  settleLatest,
  submitBusy,
  submitDone,
  submitFailed,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'

export interface LogFile {
  name: string
  content: string
}

export interface ImportRequest {
  promptId: string
  /** The settings in force; the rate is saved first when the user changed it. */
  settings: ProductionSettings
  sampleRate: number
}

export interface ImportActions {
  /** Forgets the file, preview and results (another prompt was chosen). */
  reset: () => void
  /** Keeps the file's text and asks the core how it parses (format, calls, versions, period). */
  chooseFile: (promptId: string, file: LogFile) => Promise<void>
  importFile: (request: ImportRequest) => Promise<ProductionImport | null>
  score: (importId: string) => Promise<ProductionImport | null>
}

export interface ImportState {
  file: LogFile | null
  preview: ProductionPreview | null
  previewLoad: LoadState
  importSubmit: SubmitState
  imported: ProductionImport | null
  scoreSubmit: SubmitState
  /** The import the last finished scoring was for. */
  scored: ProductionImport | null
  actions: ImportActions
}

export type ImportStore = StoreApi<ImportState>

const cleared = {
  file: null,
  preview: null,
  previewLoad: idle,
  importSubmit: submitIdle,
  imported: null,
  scoreSubmit: submitIdle,
  scored: null,
}

/**
 * One production log from file to scored sample. `onChanged` lets the monitor refetch at once rather
 * than after the db.changed debounce, so the import list and alerts follow the button the user pressed.
 */
export function createImportStore(client: ApiClient, onChanged: () => Promise<void>): ImportStore {
  const previewSeq = createSequence()
  return createStore<ImportState>()((set, get) => {
    async function saveRateIfChanged({ settings, sampleRate }: ImportRequest): Promise<void> {
      if (settings.sampleRate === sampleRate) return
      await client.call('production.saveSettings', { ...settings, sampleRate })
    }

    const actions: ImportActions = {
      reset() {
        previewSeq.next()
        set(cleared)
      },
      async chooseFile(promptId, file) {
        const n = previewSeq.next()
        set({ ...cleared, file, previewLoad: loading })
        const input = { promptId, fileName: file.name, content: file.content, format: 'auto' as const }
        await settleLatest(previewSeq, n, client.call('production.preview', input), {
          value: (preview) => set({ preview, previewLoad: ready }),
          error: (error) => set({ previewLoad: failed(error) }),
        })
      },
      async importFile(request) {
        const file = get().file
        if (!file) return null
        set({ importSubmit: submitBusy, imported: null, scoreSubmit: submitIdle, scored: null })
        try {
          await saveRateIfChanged(request)
          const input = { promptId: request.promptId, fileName: file.name, content: file.content }
          const imported = await client.call('production.import', { ...input, format: 'auto' })
          set({ importSubmit: submitDone, imported })
          await onChanged()
          return imported
        } catch (error) {
          set({ importSubmit: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
      async score(importId) {
        set({ scoreSubmit: submitBusy, scored: null })
        try {
          const scored = await client.call('production.score', { importId })
          set({ scoreSubmit: submitDone, scored })
          await onChanged()
          return scored
        } catch (error) {
          set({ scoreSubmit: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
    }
    return { ...cleared, actions }
  })
}

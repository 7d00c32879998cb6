import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MethodInput, MethodOutput } from '../../../../shared/contract'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import { toErrorInfo, type ApiClient } from '../../api'
import { submitBusy, submitDone, submitFailed, submitIdle, type SubmitState } from '../load-state'

export type ExportedFile = MethodOutput<'prompts.exportVersion'>

/** "Import as a new version of this prompt": the prompt and the latest version when the dialog opened. */
export interface ImportExisting {
  promptId: string
  promptName: string
  baseVersionId: string
  baseNumber: number
}

export interface ImportForm {
  fileName: string
  content: string
  target: 'new' | 'existing'
  name: string
  overrideModel: boolean
  provider: string
  model: string
  message: string
}

export interface FilesActions {
  /** Calls prompts.exportVersion; the caller saves the returned content as a file. */
  exportVersion: (promptId: string, versionNumber: number) => Promise<ExportedFile | null>
  openImport: (existing: ImportExisting | null) => void
  closeImport: () => void
  setFile: (fileName: string, content: string) => void
  setImportField: <K extends keyof ImportForm>(key: K, value: ImportForm[K]) => void
  submitImport: (options?: { allowNewVariables?: boolean }) => Promise<PromptDetail | null>
}

export interface FilesState {
  exporting: SubmitState
  importOpen: boolean
  existing: ImportExisting | null
  form: ImportForm
  importing: SubmitState
  actions: FilesActions
}

export type FilesStore = StoreApi<FilesState>

const emptyForm: ImportForm = {
  fileName: '',
  content: '',
  target: 'new',
  name: '',
  overrideModel: false,
  provider: 'openai',
  model: '',
  message: '',
}

/** The prompt's name inside an exported file, else the file name without its extensions. */
export function suggestedName(fileName: string, content: string): string {
  try {
    const parsed = JSON.parse(content) as { prompt?: { name?: unknown } }
    if (typeof parsed.prompt?.name === 'string' && parsed.prompt.name.trim()) return parsed.prompt.name.trim()
  } catch {
    // Not JSON (or not ours): the core will say what is wrong with it.
  }
  return fileName
    .replace(/\.(json|ya?ml|txt)$/i, '')
    .replace(/\.prompt$/i, '')
    .replace(/\.v\d+$/i, '')
}

export function buildImportInput(
  existing: ImportExisting | null,
  form: ImportForm,
  allowNewVariables: boolean,
): MethodInput<'prompts.import'> {
  const target: MethodInput<'prompts.import'>['target'] =
    form.target === 'existing' && existing
      ? { kind: 'existing', promptId: existing.promptId, baseVersionId: existing.baseVersionId }
      : {
          kind: 'new',
          name: form.name,
          ...(form.overrideModel ? { model: { provider: form.provider, model: form.model.trim() } } : {}),
        }
  return {
    fileName: form.fileName,
    content: form.content,
    target,
    ...(form.message.trim() ? { message: form.message } : {}),
    ...(allowNewVariables ? { allowNewVariables: true } : {}),
  }
}

export function createFilesStore(
  client: ApiClient,
  onImported: (detail: PromptDetail) => void | Promise<void> = () => undefined,
): FilesStore {
  return createStore<FilesState>()((set, get) => ({
    exporting: submitIdle,
    importOpen: false,
    existing: null,
    form: emptyForm,
    importing: submitIdle,
    actions: {
      async exportVersion(promptId, versionNumber) {
        set({ exporting: submitBusy })
        try {
          const file = await client.call('prompts.exportVersion', { promptId, versionNumber })
          set({ exporting: submitDone })
          return file
        } catch (error) {
          set({ exporting: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
      openImport: (existing) => set({ importOpen: true, existing, form: emptyForm, importing: submitIdle }),
      closeImport: () => set({ importOpen: false, importing: submitIdle }),
      setFile(fileName, content) {
        const form = get().form
        const name = form.name.trim() ? form.name : suggestedName(fileName, content)
        set({ form: { ...form, fileName, content, name }, importing: submitIdle })
      },
      setImportField: (key, value) => set((s) => ({ form: { ...s.form, [key]: value } })),
      async submitImport(options = {}) {
        const { existing, form, importing } = get()
        if (importing.status === 'busy') return null
        if (!form.fileName) {
          set({ importing: submitFailed({ code: 'INVALID_INPUT', message: 'Choose a prompt file first.' }) })
          return null
        }
        set({ importing: submitBusy })
        try {
          const input = buildImportInput(existing, form, !!options.allowNewVariables)
          const detail = await client.call('prompts.import', input)
          set({ importing: submitDone, importOpen: false, form: emptyForm })
          await onImported(detail)
          return detail
        } catch (error) {
          set({ importing: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
    },
  }))
}

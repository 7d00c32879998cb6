import { z } from 'zod'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MethodInput, MethodOutput } from '../../../../shared/contract'
import {
  fileIssueSchema,
  type FileIssueInfo,
  type ImportPreviewInfo,
} from '../../../../shared/domain/dataset-import'
import type { ColumnMapping, ColumnRole } from '../../../../shared/domain/dataset-mapping'
import type { ImportSummary } from '../../../../shared/domain/dataset-import'
import { ApiError, toErrorInfo, type ApiClient } from '../../api'
import {
  createSequence,
  failed,
  idle,
  loading,
  ready,
  submitBusy,
  submitDone,
  submitFailed,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'
import {
  mappingErrors,
  roleFor,
  templateVariables,
  withRoleField,
  type RoleField,
  type RoleName,
} from './import-mapping'
import { addPromptfooAssertionsScorer, type AddedAssertionsScorer } from './assertions-scorer'

export const importPreviewDelayMs = 250

export type FailingRow = ImportPreviewInfo['failingRows'][number]

export interface ImportTarget {
  kind: 'new' | 'existing'
  name: string
  description: string
  datasetId: string
  mode: 'append' | 'replace'
}

export interface ImportFile {
  name: string
  base64: string
  size: number
}

export interface ImportActions {
  /** Opens the wizard; with a dataset id the import goes into that dataset by default. */
  openImport: (datasetId?: string | null) => void
  close: () => void
  /** A file was read: preview it at once with the suggested mapping. */
  setFile: (file: ImportFile) => Promise<void>
  setRole: (column: string, role: RoleName) => void
  setRoleField: (column: string, field: RoleField, value: string | boolean) => void
  /** Back to the core's suggestion. */
  resetMapping: () => void
  toggleExclude: (row: number) => void
  excludeAllFailing: () => void
  /** Variables of a prompt the dataset feeds: the core suggests the mapping again with them. */
  setKnownVariables: (names: string[]) => void
  /** Takes the known variables from a prompt's latest version (`{{name}}`); null forgets them. */
  pickPrompt: (promptId: string | null) => Promise<void>
  setTarget: (patch: Partial<ImportTarget>) => void
  /** promptfoo `file://` references: kept as text when the PM picks it (never read), else refused. */
  setKeepFileReferences: (keep: boolean) => void
  /** Sends a pending preview now (tests; the Import button waits for a fresh preview anyway). */
  flush: () => Promise<void>
  commit: () => Promise<ImportedDetail | null>
  dismissOutcome: () => void
  /** After a promptfoo import: adds a "promptfoo assertions" scorer to this prompt's suite. */
  addAssertionsScorer: (promptId: string) => Promise<void>
}

export type ImportedDetail = MethodOutput<'datasets.importCommit'>

/** What the last import did, kept after the wizard closes so the dataset screen can say it. */
export interface ImportOutcome {
  datasetId: string
  summary: ImportSummary
  /** The prompt picked in the wizard: the one offered a promptfoo assertions scorer. */
  promptId: string | null
  /** The offer's state, and what it added once done. */
  scorer: SubmitState
  addedScorer: AddedAssertionsScorer | null
}

export interface ImportState {
  open: boolean
  file: ImportFile | null
  preview: ImportPreviewInfo | null
  previewLoad: LoadState
  /** The PM's mapping once they changed a column; null while the core's suggestion stands. */
  mapping: ColumnMapping | null
  mappingErrors: Record<string, string>
  excluded: readonly number[]
  /** Failing rows the PM excluded (the core no longer reports them), so they stay listed and can come back. */
  excludedRows: Readonly<Record<number, FailingRow>>
  knownVariables: readonly string[]
  keepFileReferences: boolean
  /** The prompt the known variables came from. */
  promptId: string | null
  promptLoad: LoadState
  target: ImportTarget
  committing: SubmitState
  /** The rows and columns the core named when it refused the file. */
  issues: readonly FileIssueInfo[]
  outcome: ImportOutcome | null
  actions: ImportActions
}

export type ImportStore = StoreApi<ImportState>

const emptyTarget: ImportTarget = { kind: 'new', name: '', description: '', datasetId: '', mode: 'append' }

const fresh = {
  file: null,
  preview: null,
  previewLoad: idle,
  mapping: null,
  mappingErrors: {},
  excluded: [],
  excludedRows: {},
  knownVariables: [],
  keepFileReferences: false,
  promptId: null,
  promptLoad: idle,
  committing: submitIdle,
  issues: [],
} satisfies Partial<ImportState>

/** The mapping on screen: the PM's, else the one the core used for the preview. */
export const shownMapping = (s: Pick<ImportState, 'mapping' | 'preview'>): ColumnMapping =>
  s.mapping ?? s.preview?.mapping ?? {}

const issuesSchema = z.object({ issues: z.array(fileIssueSchema) })

/** File issues in a refusal's details (`{ issues: FileIssue[] }`), or none. */
export function issuesOf(error: unknown): FileIssueInfo[] {
  if (!ApiError.is(error)) return []
  const parsed = issuesSchema.safeParse(error.details)
  return parsed.success ? parsed.data.issues : []
}

export function datasetNameFor(fileName: string): string {
  return fileName
    .replace(/\.(csv|tsv|jsonl|ndjson|json|ya?ml|txt)$/i, '')
    .replace(/[_-]+/g, ' ')
    .trim()
}

/**
 * The import wizard: every mapping or exclusion change previews again (debounced, stale replies dropped);
 * commit sends the same file, mapping and exclusions, all or nothing.
 */
export function createImportStore(client: ApiClient, delayMs = importPreviewDelayMs): ImportStore {
  const seq = createSequence()
  let timer: ReturnType<typeof setTimeout> | undefined

  return createStore<ImportState>()((set, get) => {
    async function run(): Promise<void> {
      clearTimeout(timer)
      timer = undefined
      const s = get()
      if (!s.file) return
      const errors = s.mapping ? mappingErrors(s.mapping) : {}
      set({ mappingErrors: errors })
      if (Object.keys(errors).length > 0) return set({ previewLoad: ready })
      const n = seq.next()
      set({ previewLoad: loading })
      const input: MethodInput<'datasets.importPreview'> = {
        fileName: s.file.name,
        contentBase64: s.file.base64,
        ...(s.mapping ? { mapping: s.mapping } : {}),
        ...(s.excluded.length > 0 ? { excludeRows: [...s.excluded] } : {}),
        ...(s.knownVariables.length > 0 ? { knownVariables: [...s.knownVariables] } : {}),
        ...(s.keepFileReferences ? { fileReferences: 'asText' as const } : {}),
      }
      try {
        const preview = await client.call('datasets.importPreview', input)
        if (seq.isLatest(n)) set({ preview, previewLoad: ready })
      } catch (error) {
        if (seq.isLatest(n)) set({ previewLoad: failed(toErrorInfo(error)), issues: issuesOf(error) })
      }
    }

    function schedule(): void {
      clearTimeout(timer)
      set({ previewLoad: loading, issues: [], committing: submitIdle })
      timer = setTimeout(() => void run(), delayMs)
    }

    function changeRole(column: string, change: (role: ColumnRole) => ColumnRole): void {
      const mapping = { ...shownMapping(get()) }
      mapping[column] = change(mapping[column] ?? { role: 'ignore' })
      set({ mapping })
      schedule()
    }

    const actions: ImportActions = {
      openImport(datasetId) {
        clearTimeout(timer)
        seq.next()
        const target = datasetId ? { ...emptyTarget, kind: 'existing' as const, datasetId } : emptyTarget
        set({ ...fresh, open: true, target })
      },
      close() {
        clearTimeout(timer)
        seq.next()
        set({ ...fresh, open: false, target: emptyTarget })
      },
      async setFile(file) {
        const target = get().target
        const name = target.name.trim() ? target.name : datasetNameFor(file.name)
        const { knownVariables, promptId, promptLoad } = get()
        set({ ...fresh, knownVariables, promptId, promptLoad, file, target: { ...target, name } })
        await run()
      },
      setRole: (column, role) => changeRole(column, (previous) => roleFor(column, role, previous)),
      setRoleField: (column, field, value) => changeRole(column, (role) => withRoleField(role, field, value)),
      resetMapping() {
        set({ mapping: null, mappingErrors: {} })
        schedule()
      },
      toggleExclude(row) {
        const { excluded, excludedRows, preview } = get()
        if (excluded.includes(row)) {
          const rest = { ...excludedRows }
          delete rest[row]
          set({ excluded: excluded.filter((r) => r !== row), excludedRows: rest })
        } else {
          const failing = preview?.failingRows.find((f) => f.row === row)
          const rows = failing ? { ...excludedRows, [row]: failing } : excludedRows
          set({ excluded: [...excluded, row].sort((a, b) => a - b), excludedRows: rows })
        }
        schedule()
      },
      excludeAllFailing() {
        const { excluded, excludedRows, preview } = get()
        const failing = preview?.failingRows ?? []
        if (failing.length === 0) return
        const rows = { ...excludedRows }
        for (const f of failing) rows[f.row] = f
        const all = new Set([...excluded, ...failing.map((f) => f.row)])
        set({ excluded: [...all].sort((a, b) => a - b), excludedRows: rows })
        schedule()
      },
      setKnownVariables(names) {
        set({ knownVariables: names, mapping: null, mappingErrors: {} })
        if (get().file) schedule()
      },
      async pickPrompt(promptId) {
        set({ promptId, promptLoad: promptId ? loading : idle })
        if (!promptId) return actions.setKnownVariables([])
        try {
          const detail = await client.call('prompts.get', { id: promptId })
          if (get().promptId !== promptId) return
          set({ promptLoad: ready })
          actions.setKnownVariables(templateVariables(detail.version.messages.map((m) => m.content)))
        } catch (error) {
          if (get().promptId === promptId) set({ promptLoad: failed(toErrorInfo(error)) })
        }
      },
      setKeepFileReferences(keep) {
        set({ keepFileReferences: keep })
        if (get().file) schedule()
      },
      setTarget: (patch) => set((s) => ({ target: { ...s.target, ...patch }, committing: submitIdle })),
      flush: run,
      dismissOutcome: () => set({ outcome: null }),
      async addAssertionsScorer(promptId) {
        const outcome = get().outcome
        const assertions = outcome?.summary.promptfooAssertions
        if (!outcome || !assertions || outcome.scorer.status === 'busy') return
        const patch = (p: Partial<ImportOutcome>) =>
          set((s) => (s.outcome === null ? {} : { outcome: { ...s.outcome, ...p } }))
        patch({ scorer: submitBusy, promptId })
        try {
          const added = await addPromptfooAssertionsScorer(client, promptId, {
            needsJudge: assertions.modelGraded > 0,
            fileName: outcome.summary.fileName,
          })
          patch({ scorer: submitDone, addedScorer: added })
        } catch (error) {
          patch({ scorer: submitFailed(toErrorInfo(error)) })
        }
      },
      async commit() {
        const s = get()
        if (!s.file || !s.preview || s.committing.status === 'busy') return null
        set({ committing: submitBusy, issues: [] })
        const t = s.target
        try {
          const detail = await client.call('datasets.importCommit', {
            fileName: s.file.name,
            contentBase64: s.file.base64,
            mapping: shownMapping(s),
            excludeRows: [...s.excluded],
            ...(s.keepFileReferences ? { fileReferences: 'asText' as const } : {}),
            target:
              t.kind === 'new'
                ? { kind: 'new', name: t.name, description: t.description }
                : { kind: 'existing', datasetId: t.datasetId, mode: t.mode },
          })
          const outcome = detail.imported
            ? {
                datasetId: detail.dataset.id,
                summary: detail.imported,
                promptId: s.promptId,
                scorer: submitIdle,
                addedScorer: null,
              }
            : null
          set({ committing: submitDone, outcome })
          return detail
        } catch (error) {
          set({ committing: submitFailed(toErrorInfo(error)), issues: issuesOf(error) })
          return null
        }
      },
    }
    return { ...fresh, open: false, target: emptyTarget, outcome: null, actions }
  })
}

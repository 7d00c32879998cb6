import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ModelRef, PromptDetail } from '../../../../shared/domain/prompts'
import type { Run, RunEstimate, RunMode } from '../../../../shared/domain/runs'
import { modelKey, parseModelKey } from '../../../../shared/lib/model-ref'
import { toErrorInfo, type ApiClient } from '../../api'
import {
  createSequence,
  failed,
  idle,
  loading,
  ready,
  settleLatest,
  submitBusy,
  submitFailed,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'
import { blankRunForm, nameFor, planKey, planOf, type NewRunForm, type PlanContext } from './new-run-plan'

export const estimateDelayMs = 250

/** What a fresh form starts from. */
export interface NewRunDefaults {
  promptId?: string | null
  datasetId?: string | null
  /** The version to check (the latest when absent). */
  versionNumber?: number
}

export interface PreselectOptions {
  /** Check a version (the latest, or `versionNumber`) and its pinned model. */
  preselect?: boolean
  versionNumber?: number
}

export interface NewRunActions {
  /** A fresh form, with a prompt (and a version of it) and a dataset chosen when given. */
  begin: (defaults?: NewRunDefaults) => void
  /**
   * Loads the prompt's versions. With `preselect` (a fresh form) it also checks the version and its pinned
   * model, ready or not (a missing key or provider is said beside it); a prompt the user picks starts with
   * nothing checked, so no box changes after the user has started choosing.
   */
  setPrompt: (promptId: string | null, options?: PreselectOptions) => Promise<void>
  toggleVersion: (versionId: string) => Promise<void>
  toggleModel: (key: string) => void
  /** Adds "provider/model" to the options, checked; false (with `addModelError`) when it is not one. */
  addModel: (text: string) => boolean
  setDataset: (datasetId: string | null) => void
  setField: (field: 'repeats' | 'concurrency' | 'canaryShare', value: string) => void
  setUseCache: (on: boolean) => void
  setCanary: (on: boolean) => void
  setMode: (mode: RunMode) => void
  setName: (name: string) => void
  /** runs.start with the plan and name; the new run, or null when the core refused (see `starting`). */
  start: () => Promise<Run | null>
  /** Drops a pending estimate request (tests, hot reload). */
  cancel: () => void
}

export interface NewRunState {
  form: NewRunForm
  prompt: PromptDetail | null
  promptLoad: LoadState
  /** Pinned model per version id, fetched when a version is checked. */
  versionModels: Readonly<Record<string, ModelRef>>
  addModelError: string | null
  estimate: RunEstimate | null
  estimateLoad: LoadState
  starting: SubmitState
  actions: NewRunActions
}

export type NewRunStore = StoreApi<NewRunState>

export interface NewRunOptions {
  delayMs?: number
  onStarted?: (run: Run) => void
}

export function planContext(s: Pick<NewRunState, 'prompt' | 'versionModels'>): PlanContext {
  return {
    promptName: s.prompt?.prompt.name ?? '',
    versions: s.prompt?.versions ?? [],
    versionModels: s.versionModels,
  }
}

export function createNewRunStore(client: ApiClient, options: NewRunOptions = {}): NewRunStore {
  const delayMs = options.delayMs ?? estimateDelayMs
  const promptSeq = createSequence()
  const estimateSeq = createSequence()
  let timer: ReturnType<typeof setTimeout> | undefined
  let requestedKey = ''

  return createStore<NewRunState>()((set, get) => {
    const ctx = () => planContext(get())

    async function requestEstimate(): Promise<void> {
      clearTimeout(timer)
      timer = undefined
      const { plan } = planOf(get().form, ctx())
      if (!plan) return
      const n = estimateSeq.next()
      await settleLatest(estimateSeq, n, client.call('runs.plan', plan), {
        value: (estimate) => set({ estimate, estimateLoad: ready }),
        error: (error) => set({ estimate: null, estimateLoad: failed(error) }),
      })
    }

    /** The plan changed (or may have): estimate it again after a quiet moment; the latest request wins. */
    function replan(): void {
      const { plan } = planOf(get().form, ctx())
      const key = planKey(plan)
      if (key === requestedKey) return
      requestedKey = key
      clearTimeout(timer)
      timer = undefined
      if (!plan) {
        estimateSeq.next()
        set({ estimate: null, estimateLoad: idle })
        return
      }
      set({ estimateLoad: loading })
      timer = setTimeout(() => void requestEstimate(), delayMs)
    }

    function update(patch: Partial<NewRunForm>): void {
      set((s) => ({ form: { ...s.form, ...patch } }))
      replan()
    }

    async function fetchVersionModel(promptId: string, versionId: string, number: number): Promise<void> {
      try {
        const detail = await client.call('prompts.get', { id: promptId, versionNumber: number })
        if (get().form.promptId !== promptId) return
        set((s) => ({ versionModels: { ...s.versionModels, [versionId]: detail.version.model } }))
        replan()
      } catch (error) {
        set({ promptLoad: failed(toErrorInfo(error)) })
      }
    }

    const actions: NewRunActions = {
      begin(defaults = {}) {
        promptSeq.next()
        set({
          form: { ...blankRunForm, datasetId: defaults.datasetId ?? null },
          prompt: null,
          promptLoad: idle,
          versionModels: {},
          addModelError: null,
          starting: submitIdle,
        })
        replan()
        if (!defaults.promptId) return
        const { versionNumber } = defaults
        void actions.setPrompt(defaults.promptId, {
          preselect: true,
          ...(versionNumber !== undefined ? { versionNumber } : {}),
        })
      },
      async setPrompt(promptId, { preselect = false, versionNumber } = {}) {
        const n = promptSeq.next()
        update({ promptId, versionIds: [], modelKeys: get().form.addedModels.map(modelKey) })
        set({ prompt: null, promptLoad: promptId ? loading : idle })
        if (!promptId) return
        const request = versionNumber === undefined ? { id: promptId } : { id: promptId, versionNumber }
        await settleLatest(promptSeq, n, client.call('prompts.get', request), {
          value: (detail) => {
            const chosen = detail.version
            // The pinned model, whether or not its provider can be called yet: the form warns about a missing
            // key or provider; quietly ticking another model would run something the user did not choose.
            const model = chosen.model
            set((s) => ({
              prompt: detail,
              promptLoad: ready,
              versionModels: { ...s.versionModels, [chosen.id]: chosen.model },
            }))
            if (preselect) {
              update({ versionIds: [chosen.id], modelKeys: [...get().form.modelKeys, modelKey(model)] })
            }
          },
          error: (error) => set({ promptLoad: failed(error) }),
        })
      },
      async toggleVersion(versionId) {
        const { form, prompt, versionModels } = get()
        const on = form.versionIds.includes(versionId)
        update({
          versionIds: on ? form.versionIds.filter((id) => id !== versionId) : [...form.versionIds, versionId],
        })
        // Its pinned model becomes an option (not checked: nothing changes behind the user's back).
        const version = prompt?.versions.find((v) => v.id === versionId)
        if (!on && prompt && version && !versionModels[versionId])
          await fetchVersionModel(prompt.prompt.id, versionId, version.number)
      },
      toggleModel(key) {
        const keys = get().form.modelKeys
        update({ modelKeys: keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key] })
      },
      addModel(text) {
        const ref = parseModelKey(text)
        if (!ref) {
          set({
            addModelError: 'Write it as provider/model, e.g. ollama/llama3.1:8b or openai/gpt-4o-2024-08-06.',
          })
          return false
        }
        const key = modelKey(ref)
        const { form } = get()
        set({ addModelError: null })
        update({
          addedModels: form.addedModels.some((m) => modelKey(m) === key)
            ? form.addedModels
            : [...form.addedModels, ref],
          modelKeys: form.modelKeys.includes(key) ? form.modelKeys : [...form.modelKeys, key],
        })
        return true
      },
      setDataset: (datasetId) => update({ datasetId }),
      setField: (field, value) => update({ [field]: value }),
      setUseCache: (useCache) => update({ useCache }),
      setCanary: (canary) => update({ canary }),
      setMode: (mode) => update({ mode }),
      setName: (name) => set((s) => ({ form: { ...s.form, name, nameEdited: name !== '' } })),
      async start() {
        const { form, starting } = get()
        const { plan } = planOf(form, ctx())
        const name = nameFor(form, ctx()).trim()
        if (!plan || !name || starting.status === 'busy') return null
        set({ starting: submitBusy })
        try {
          const run = await client.call('runs.start', { ...plan, name })
          set({ starting: submitIdle })
          options.onStarted?.(run)
          return run
        } catch (error) {
          set({ starting: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
      cancel() {
        clearTimeout(timer)
        timer = undefined
        estimateSeq.next()
      },
    }

    return {
      form: blankRunForm,
      prompt: null,
      promptLoad: idle,
      versionModels: {},
      addModelError: null,
      estimate: null,
      estimateLoad: idle,
      starting: submitIdle,
      actions,
    }
  })
}

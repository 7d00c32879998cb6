import type { ModelRef } from '../../../../shared/domain/prompts'
import type { RunMode, RunPlan } from '../../../../shared/domain/runs'
import { modelKey } from '../../../../shared/lib/model-ref'
import { wholeNumber } from '../../lib/whole-number'

/** Built-in simulated models: no key, no network, no cost. Always offered, always labelled "Simulated". */
export const simulatedModels: readonly ModelRef[] = [
  { provider: 'demo', model: 'triage-sim-2026-03' },
  { provider: 'demo', model: 'triage-sim-2026-09' },
]

export const isSimulated = (m: ModelRef): boolean => m.provider === 'demo'

export interface ModelOption {
  ref: ModelRef
  key: string
  source: 'pinned' | 'simulated' | 'added'
  /** Version numbers that pin this model (pinned options only). */
  pinnedBy: number[]
}

/** The pinned models of the chosen versions, then the simulated ones, then those the user added. */
export function modelOptions(
  pinned: readonly { number: number; model: ModelRef }[],
  added: readonly ModelRef[],
): ModelOption[] {
  const options: ModelOption[] = []
  const byKey = new Map<string, ModelOption>()
  const push = (ref: ModelRef, source: ModelOption['source'], number?: number) => {
    const key = modelKey(ref)
    const known = byKey.get(key)
    if (known) {
      if (number !== undefined && !known.pinnedBy.includes(number)) known.pinnedBy.push(number)
      return
    }
    const option: ModelOption = { ref, key, source, pinnedBy: number === undefined ? [] : [number] }
    byKey.set(key, option)
    options.push(option)
  }
  for (const p of [...pinned].sort((a, b) => a.number - b.number)) push(p.model, 'pinned', p.number)
  for (const m of simulatedModels) push(m, 'simulated')
  for (const m of added) push(m, 'added')
  return options
}

/** What the form holds; text fields stay text until the plan is built, so typing never loses a keystroke. */
export interface NewRunForm {
  promptId: string | null
  versionIds: readonly string[]
  modelKeys: readonly string[]
  addedModels: readonly ModelRef[]
  datasetId: string | null
  repeats: string
  /** Concurrent calls for each provider of the plan; '' leaves every provider at its default. */
  concurrency: string
  useCache: boolean
  /** Run a random share of the cases first and stop early when that sample already fails the gate. */
  canary: boolean
  /** 'batch': providers with a Batch API answer as batch jobs at half price within 24 hours. */
  mode: RunMode
  /** The canary's share in percent, as typed (1–90). */
  canaryShare: string
  name: string
  /** Until the user types a name, it follows the plan ("Ticket triage v2,v3 × 2 models"). */
  nameEdited: boolean
}

export const blankRunForm: NewRunForm = {
  promptId: null,
  versionIds: [],
  modelKeys: [],
  addedModels: [],
  datasetId: null,
  repeats: '1',
  concurrency: '',
  useCache: true,
  canary: false,
  mode: 'stream',
  canaryShare: '10',
  name: '',
  nameEdited: false,
}

/** The chosen prompt's versions and the models they pin (known once fetched). */
export interface PlanContext {
  promptName: string
  versions: readonly { id: string; number: number }[]
  versionModels: Readonly<Record<string, ModelRef>>
}

export function pinnedOf(form: NewRunForm, ctx: PlanContext): { number: number; model: ModelRef }[] {
  return ctx.versions.flatMap((v) => {
    const model = ctx.versionModels[v.id]
    return form.versionIds.includes(v.id) && model ? [{ number: v.number, model }] : []
  })
}

/** The checked models that are still offered, in the order they are offered. */
export function chosenModels(form: NewRunForm, ctx: PlanContext): ModelRef[] {
  return modelOptions(pinnedOf(form, ctx), form.addedModels)
    .filter((o) => form.modelKeys.includes(o.key))
    .map((o) => o.ref)
}

/** The plan the form describes, or what is missing; the same plan estimates and starts the run. */
export function planOf(form: NewRunForm, ctx: PlanContext): { plan: RunPlan | null; problems: string[] } {
  const problems: string[] = []
  const versionIds = ctx.versions
    .filter((v) => form.versionIds.includes(v.id))
    .sort((a, b) => a.number - b.number)
    .map((v) => v.id)
  const models = chosenModels(form, ctx)
  if (!form.promptId) problems.push('Choose a prompt.')
  else if (versionIds.length === 0) problems.push('Choose at least one prompt version.')
  if (models.length === 0) problems.push('Choose at least one model.')
  if (!form.datasetId) problems.push('Choose a dataset.')
  const repeats = wholeNumber(form.repeats, 1, 10)
  if (repeats === null) problems.push('Repeats must be a whole number from 1 to 10.')
  const concurrency = form.concurrency.trim() === '' ? undefined : wholeNumber(form.concurrency, 1, 256)
  if (concurrency === null) problems.push('Concurrency must be a whole number from 1 to 256, or empty.')
  const canaryShare = form.canary ? wholeNumber(form.canaryShare, 1, 90) : undefined
  if (canaryShare === null) problems.push('The canary share must be a whole percentage from 1 to 90.')
  if (
    problems.length > 0 ||
    !form.datasetId ||
    repeats === null ||
    concurrency === null ||
    canaryShare === null
  )
    return { plan: null, problems }
  const plan: RunPlan = {
    promptVersionIds: versionIds,
    models,
    datasetId: form.datasetId,
    repeats,
    mode: form.mode,
    useCache: form.useCache,
  }
  // A fixed seed: the same plan samples the same cases, so a canary can be repeated and compared.
  if (canaryShare !== undefined) plan.canary = { share: canaryShare / 100, seed: 1 }
  if (concurrency !== undefined) {
    plan.concurrency = Object.fromEntries(
      [...new Set(models.map((m) => m.provider))].map((p) => [p, concurrency]),
    )
  }
  return { plan, problems }
}

/** "Ticket triage v2,v3 × 2 models", or "… × triage-sim-2026-03" for a single model. */
export function defaultRunName(promptName: string, numbers: readonly number[], models: readonly ModelRef[]) {
  if (!promptName) return ''
  const versions = numbers.length > 0 ? ` v${[...numbers].sort((a, b) => a - b).join(',v')}` : ''
  const what = models.length === 1 && models[0] ? models[0].model : `${models.length} models`
  return `${promptName}${versions}${models.length > 0 ? ` × ${what}` : ''}`
}

export function nameFor(form: NewRunForm, ctx: PlanContext): string {
  if (form.nameEdited) return form.name
  const numbers = ctx.versions.filter((v) => form.versionIds.includes(v.id)).map((v) => v.number)
  return defaultRunName(ctx.promptName, numbers, chosenModels(form, ctx))
}

/** A key that changes exactly when the plan does: the estimate is asked for again only then. */
export function planKey(plan: RunPlan | null): string {
  return plan ? JSON.stringify(plan) : ''
}

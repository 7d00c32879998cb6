import type { QueueDraft, QueuePreview } from '../../../../shared/domain/review'
import type { MethodInput } from '../../../../shared/contract'

type QueuePreviewInput = MethodInput<'queues.preview'>
import type { Run } from '../../../../shared/domain/runs'
import type { Rubric } from '../../../../shared/domain/scoring'
import { distinctModels } from '../../../../shared/lib/model-identity'
import { modelLabel, parseModelKey } from '../../../../shared/lib/model-ref'

export type SourceKind = 'all' | 'sample' | 'failing' | 'filter'

/** What the new-queue dialog holds, as the user typed it; `draftOf` turns it into a queues.create input. */
export interface QueueForm {
  name: string
  runId: string
  rubricId: string
  criterionKeys: string[]
  source: SourceKind
  sampleN: string
  failingMetric: string
  filterVersionId: string
  /** "provider/model" ('' = any): the same model id through two providers is two models. */
  filterModel: string
  filterTag: string
  mode: 'single' | 'pairwise'
  /** Slice ids `versionId|provider|modelId`. */
  pairA: string
  pairB: string
  reviewersPerItem: string
  reviewerIds: string[]
  blind: boolean
}

export interface Slice {
  id: string
  promptVersionId: string
  provider: string
  modelId: string
}

/** The slices a run produced outputs for: every prompt version on every provider/model of its plan. */
export function slicesOf(run: Run | undefined): Slice[] {
  if (!run) return []
  return run.plan.promptVersionIds.flatMap((promptVersionId) =>
    distinctModels(run.plan.models).map((m) => ({
      id: `${promptVersionId}|${m.provider}|${m.model}`,
      promptVersionId,
      provider: m.provider,
      modelId: m.model,
    })),
  )
}

/** The model filter's choices: "provider/model" of each model of the plan. */
export const modelChoicesOf = (run: Run | undefined): string[] =>
  distinctModels(run?.plan.models ?? []).map(modelLabel)

/** The item a preset names when the list has it, else the first: a preset never leaves the choice empty. */
export function presetOrFirst<T extends { id: string }>(
  list: readonly T[],
  id: string | null | undefined,
): T | undefined {
  return list.find((item) => item.id === id) ?? list[0]
}

export function initialQueueForm(run: Run | undefined, rubric: Rubric | undefined): QueueForm {
  const slices = slicesOf(run)
  return {
    name: run ? `${run.name} review` : '',
    runId: run?.id ?? '',
    rubricId: rubric?.id ?? '',
    criterionKeys: rubric?.criteria.map((c) => c.key) ?? [],
    source: 'all',
    sampleN: '20',
    failingMetric: '',
    filterVersionId: '',
    filterModel: '',
    filterTag: '',
    mode: 'single',
    pairA: slices[0]?.id ?? '',
    pairB: slices[1]?.id ?? '',
    reviewersPerItem: '1',
    reviewerIds: [],
    blind: true,
  }
}

export type DraftResult = { ok: true; draft: QueueDraft } | { ok: false; error: string }

/** The queues.create input for a form, or the first thing the user still has to fix. */
export function draftOf(form: QueueForm, rubric: Rubric | undefined, run: Run | undefined): DraftResult {
  if (!form.name.trim()) return { ok: false, error: 'Name the queue.' }
  if (!run) return { ok: false, error: 'Choose a run.' }
  if (!rubric) return { ok: false, error: 'Choose a rubric.' }
  const keys = rubric.criteria.map((c) => c.key).filter((k) => form.criterionKeys.includes(k))
  if (form.mode === 'single' && keys.length === 0)
    return { ok: false, error: 'Choose at least one criterion.' }
  if (form.reviewerIds.length === 0) return { ok: false, error: 'Assign at least one reviewer.' }
  const perItem = Number(form.reviewersPerItem)
  if (!Number.isInteger(perItem) || perItem < 1 || perItem > 10) {
    return { ok: false, error: 'Reviewers per item: a whole number from 1 to 10.' }
  }
  if (perItem > form.reviewerIds.length) {
    return { ok: false, error: `Assign at least ${perItem} reviewers for ${perItem} reviewers per item.` }
  }
  const source = sourceOf(form)
  if (!source.ok) return source
  const draft: QueueDraft = {
    name: form.name.trim(),
    runId: run.id,
    rubricId: rubric.id,
    mode: form.mode,
    source: source.source,
    reviewersPerItem: perItem,
    reviewerIds: form.reviewerIds,
    blind: form.blind,
  }
  // Absent means "all criteria": send the subset only when the user narrowed it.
  if (keys.length > 0 && keys.length < rubric.criteria.length) draft.criterionKeys = keys
  if (form.mode === 'single') return { ok: true, draft }
  const pair = pairOf(form, run)
  return pair.ok ? { ok: true, draft: { ...draft, pair: pair.pair } } : pair
}

/** The queues.preview input for the form's run and selection; null until the form names what to count. */
export function previewInputOf(form: QueueForm, run: Run | undefined): QueuePreviewInput | null {
  if (!run) return null
  const source = sourceOf(form)
  if (!source.ok) return null
  if (form.mode === 'single') return { runId: run.id, mode: 'single', source: source.source }
  const pair = pairOf(form, run)
  return pair.ok ? { runId: run.id, mode: 'pairwise', source: source.source, pair: pair.pair } : null
}

/** "12 items: 3 cases × 4 slices", or for pairwise one item per case comparing two outputs. */
export function previewText(preview: QueuePreview, mode: QueueForm['mode']): string {
  const items = plural(preview.items, 'item')
  const cases = plural(preview.cases, 'case')
  if (mode === 'pairwise') return `${items}: one per case (${cases}), each comparing A with B`
  const slices = plural(preview.slices, 'slice')
  return preview.items === preview.cases * preview.slices
    ? `${items}: ${cases} × ${slices}`
    : `${items} from ${cases} over ${slices} (some cases have repeats or no output in a slice)`
}

const plural = (n: number, noun: string) => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`

function sourceOf(
  form: QueueForm,
): { ok: true; source: QueueDraft['source'] } | { ok: false; error: string } {
  switch (form.source) {
    case 'all':
      return { ok: true, source: { kind: 'all' } }
    case 'sample': {
      const n = Number(form.sampleN)
      if (!Number.isInteger(n) || n < 1)
        return { ok: false, error: 'Sample size: a whole number of cases, at least 1.' }
      return { ok: true, source: { kind: 'sample', n, seed: 1 } }
    }
    case 'failing':
      return {
        ok: true,
        source: form.failingMetric ? { kind: 'failing', metric: form.failingMetric } : { kind: 'failing' },
      }
    case 'filter': {
      const model = parseModelKey(form.filterModel)
      return {
        ok: true,
        source: {
          kind: 'filter',
          ...(form.filterVersionId ? { promptVersionId: form.filterVersionId } : {}),
          ...(model ? { provider: model.provider, modelId: model.model } : {}),
          ...(form.filterTag.trim() ? { tag: form.filterTag.trim() } : {}),
        },
      }
    }
  }
}

type PairResult = { ok: true; pair: NonNullable<QueueDraft['pair']> } | { ok: false; error: string }

function pairOf(form: QueueForm, run: Run): PairResult {
  const slices = slicesOf(run)
  const a = slices.find((s) => s.id === form.pairA)
  const b = slices.find((s) => s.id === form.pairB)
  if (!a || !b) return { ok: false, error: 'Choose the two outputs to compare (A and B).' }
  if (a.id === b.id) return { ok: false, error: 'A and B must be different slices of the run.' }
  return {
    ok: true,
    pair: {
      a: { promptVersionId: a.promptVersionId, provider: a.provider, modelId: a.modelId },
      b: { promptVersionId: b.promptVersionId, provider: b.provider, modelId: b.modelId },
    },
  }
}

/** Ticks or unticks one value of a list, keeping the others in their order. */
export function toggled(list: readonly string[], value: string, on: boolean): string[] {
  const rest = list.filter((v) => v !== value)
  return on ? [...rest, value] : rest
}

import {
  rubricDraftSchema,
  type Rubric,
  type RubricCriterion,
  type RubricDraft,
} from '../../../../shared/domain/scoring'

export const scaleTypes = ['pass_fail', 'likert', 'labels'] as const
export type ScaleType = (typeof scaleTypes)[number]

/** One criterion as edited: numbers and lists stay text until the rubric is built. */
export interface CriterionForm {
  /** A stable React key for the row; never saved. */
  rowId: number
  key: string
  name: string
  scale: ScaleType
  min: string
  max: string
  /** Likert label per score ("1" → "Dangerous"); scores outside min..max are ignored. */
  likertLabels: Readonly<Record<string, string>>
  /** The labels scale, one label per line, worst first. */
  labelsText: string
  guidance: string
}

export interface RubricForm {
  key: string
  /** An existing rubric keeps its key: a new key would start a new rubric, not a new version. */
  keyLocked: boolean
  name: string
  description: string
  criteria: readonly CriterionForm[]
}

let nextRowId = 1
export function blankCriterion(): CriterionForm {
  return {
    rowId: nextRowId++,
    key: '',
    name: '',
    scale: 'pass_fail',
    min: '1',
    max: '5',
    likertLabels: {},
    labelsText: '',
    guidance: '',
  }
}

export function blankRubricForm(): RubricForm {
  return { key: '', keyLocked: false, name: '', description: '', criteria: [blankCriterion()] }
}

function criterionForm(c: RubricCriterion): CriterionForm {
  const base = { ...blankCriterion(), key: c.key, name: c.name, guidance: c.guidance }
  switch (c.scale.type) {
    case 'pass_fail':
      return base
    case 'likert':
      return {
        ...base,
        scale: 'likert',
        min: String(c.scale.min),
        max: String(c.scale.max),
        likertLabels: c.scale.labels,
      }
    case 'labels':
      return { ...base, scale: 'labels', labelsText: c.scale.labels.join('\n') }
  }
}

export function formFromRubric(rubric: Rubric): RubricForm {
  return {
    key: rubric.key,
    keyLocked: true,
    name: rubric.name,
    description: rubric.description,
    criteria: rubric.criteria.map(criterionForm),
  }
}

/** The scores of a likert scale (min..max, at most 11 of them), or null while min/max are not usable. */
export function likertScores(min: string, max: string): number[] | null {
  const lo = Number(min)
  const hi = Number(max)
  if (!/^-?\d+$/.test(min.trim()) || !/^-?\d+$/.test(max.trim()) || hi <= lo || hi - lo > 10) return null
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)
}

function scaleOf(c: CriterionForm): RubricCriterion['scale'] | string {
  if (c.scale === 'pass_fail') return { type: 'pass_fail' }
  if (c.scale === 'labels') {
    const labels = c.labelsText
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    return labels.length >= 2 && labels.length <= 10
      ? { type: 'labels', labels }
      : `"${c.name || c.key}": give 2 to 10 labels, one per line, worst first.`
  }
  const scores = likertScores(c.min, c.max)
  if (!scores) return `"${c.name || c.key}": the scale needs whole numbers with min < max, at most 11 points.`
  const labels: Record<string, string> = {}
  for (const score of scores) {
    const label = c.likertLabels[String(score)]?.trim()
    if (label) labels[String(score)] = label
  }
  return { type: 'likert', min: scores[0] ?? 0, max: scores.at(-1) ?? 0, labels }
}

/** The rubric the editor describes, or the first thing to fix (the core validates the same schema). */
export function rubricFromForm(form: RubricForm): { draft: RubricDraft } | { problem: string } {
  const criteria: unknown[] = []
  const keys = new Set<string>()
  for (const c of form.criteria) {
    const scale = scaleOf(c)
    if (typeof scale === 'string') return { problem: scale }
    if (keys.has(c.key.trim())) return { problem: `Two criteria use the key "${c.key.trim()}".` }
    keys.add(c.key.trim())
    criteria.push({ key: c.key.trim(), name: c.name, scale, guidance: c.guidance })
  }
  const parsed = rubricDraftSchema.safeParse({
    key: form.key.trim(),
    name: form.name,
    description: form.description,
    criteria,
  })
  if (parsed.success) return { draft: parsed.data }
  const issue = parsed.error.issues[0]
  return { problem: issue ? `${fieldName(issue.path)}: ${issue.message}` : 'This rubric is not valid.' }
}

/** "criteria.1.key" → "Criterion 2 key", for an error a person can act on. */
function fieldName(path: readonly PropertyKey[]): string {
  const [head, index, field] = path
  if (head === 'criteria' && typeof index === 'number')
    return `Criterion ${index + 1}${field === undefined ? '' : ` ${String(field)}`}`
  return head === undefined ? 'Rubric' : `Rubric ${String(head)}`
}

import { stringify } from 'csv-stringify/sync'
import type { RubricCriterion } from '../../../../../shared/domain/scoring'
import type { CoreContext } from '../../context'
import { neutraliseFormula } from '../../../../../shared/lib/spreadsheet-cell'
import { parseJsonColumn } from '../../db/repos/json'
import type { ReviewExportAssignment, ReviewExportScore } from '../../db/repos/review-export'
import { slugify } from '../../prompts/files'
import { itemContentSchema, type ItemContent } from '../content'
import { loadQueue } from '../queue-view'

const HEADER = [
  'queue',
  'item',
  'case_key',
  'outputs',
  'reviewer',
  'status',
  'skip_reason',
  'preference',
  'criterion',
  'criterion_name',
  'score',
  'score_label',
  'comment',
  'scored_at',
  'updated_at',
]

type Cell = string | number | null

/**
 * A queue's review scores for a spreadsheet: one row per assignment (item × reviewer) and rubric criterion of
 * the queue, in item order, then reviewer, then the rubric's criterion order. A criterion not (yet) scored has
 * an empty score, so pending and skipped work shows as gaps rather than vanishing. Same CSV conventions as the
 * dataset export: BOM, CRLF, `""` for an empty text, formula cells neutralised.
 */
export function exportReviewScoresCsv(
  ctx: CoreContext,
  queueId: string,
): { fileName: string; content: string; rowCount: number } {
  const { record, criteria } = loadQueue(ctx, queueId)
  const scores = indexScores(ctx.repos.reviewExport.scores(queueId))
  const rows: Cell[][] = []
  for (const a of ctx.repos.reviewExport.assignments(queueId)) {
    const content = parseJsonColumn(
      itemContentSchema,
      a.content,
      `review item of assignment ${a.assignmentId}`,
    )
    for (const criterion of criteria) {
      const score = scores.get(`${a.assignmentId}\u0000${criterion.key}`) ?? null
      rows.push(rowOf(record.name, a, content, criterion, score))
    }
  }
  const body = stringify([HEADER, ...rows.map((r) => r.map(csvCell))], {
    record_delimiter: '\r\n',
    quote_record_delimiter: true,
    quoted_match: [/^$/],
  })
  return {
    fileName: `${slugify(record.name)}.review-scores.csv`,
    content: `\uFEFF${body}`,
    rowCount: rows.length,
  }
}

function rowOf(
  queue: string,
  a: ReviewExportAssignment,
  content: ItemContent,
  criterion: RubricCriterion,
  score: ReviewExportScore | null,
): Cell[] {
  return [
    queue,
    a.itemPosition,
    content.caseKey,
    content.outputs.map(describeOutput).join(' vs '),
    a.reviewerName,
    a.status,
    a.skipReason,
    a.preference,
    criterion.key,
    criterion.name,
    score?.raw ?? null,
    score ? scoreLabel(criterion, score.raw) : null,
    score?.comment ?? null,
    score?.updatedAt ?? null,
    a.updatedAt,
  ]
}

/** `openai/gpt-4o-mini v3`; what a blind pack's item does not carry is left out, never guessed. */
function describeOutput(output: ItemContent['outputs'][number]): string {
  const model = [output.provider, output.modelId].filter((p) => p !== null).join('/')
  const version = output.promptVersionNumber === null ? '' : `v${output.promptVersionNumber}`
  return [model, version].filter((p) => p !== '').join(' ') || 'hidden'
}

/** The scale's own word for a score: pass/fail, a likert label, or a label scale's label. */
function scoreLabel(criterion: RubricCriterion, raw: number): string | null {
  const { scale } = criterion
  if (scale.type === 'pass_fail') return raw >= 1 ? 'pass' : 'fail'
  if (scale.type === 'labels') return scale.labels[raw] ?? null
  return scale.labels[String(raw)] ?? null
}

function indexScores(scores: readonly ReviewExportScore[]): Map<string, ReviewExportScore> {
  return new Map(scores.map((s) => [`${s.assignmentId}\u0000${s.criterionKey}`, s]))
}

function csvCell(cell: Cell): string | null {
  if (cell === null) return null
  return typeof cell === 'number' ? String(cell) : neutraliseFormula(cell)
}

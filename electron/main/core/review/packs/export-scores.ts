import { canonicalJsonPretty } from '../../../../../shared/lib/canonical-json'
import type { CoreContext } from '../../context'
import { slugify } from '../../prompts/files'
import { scoresFormat, type ReviewScores } from './format'
import type { PackRepo, ScoreRow } from '../../db/repos/review-packs'
import { loadQueue } from '../queue-view'

/** Every assignment's state and scores in this workspace, for the queue's owner to merge. */
export function exportReviewScores(
  ctx: CoreContext,
  repo: PackRepo,
  queueId: string,
): { fileName: string; content: string } {
  const { record } = loadQueue(ctx, queueId)
  const scoresByAssignment = groupScores(repo.scores(queueId))
  const file: ReviewScores = {
    format: scoresFormat,
    version: 1,
    exportedAt: ctx.now(),
    exportedBy: ctx.user,
    queueId,
    assignments: repo
      .assignments(queueId)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((a) => ({
        id: a.id,
        status: a.status,
        skipReason: a.skip_reason,
        preference: a.preference,
        updatedAt: a.updated_at,
        scores: (scoresByAssignment.get(a.id) ?? []).map((s) => ({
          criterionKey: s.criterion_key,
          raw: s.raw,
          comment: s.comment,
          updatedAt: s.updated_at,
        })),
      })),
  }
  return { fileName: `${slugify(record.name)}.review-scores.json`, content: canonicalJsonPretty(file) }
}

function groupScores(rows: ScoreRow[]): Map<string, ScoreRow[]> {
  const out = new Map<string, ScoreRow[]>()
  for (const row of rows) out.set(row.assignment_id, [...(out.get(row.assignment_id) ?? []), row])
  return out
}

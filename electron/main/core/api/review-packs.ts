import type { Handlers } from '../dispatch'
import { exportReviewPack } from '../review/packs/export-pack'
import { exportReviewScores } from '../review/packs/export-scores'
import { exportReviewScoresCsv } from '../review/packs/export-scores-csv'
import { importReviewPack } from '../review/packs/import-pack'
import { checkScoresFile, mergeScores, parseScoresFile } from '../review/packs/import-scores'
import { syncHumanScores } from '../review/human-scores'
import { queueById } from '../review/queue-view'
import { writeTransaction, type CoreContext } from '../context'

type PackHandlers = Pick<
  Handlers,
  | 'queues.exportPack'
  | 'queues.importPack'
  | 'queues.exportScores'
  | 'queues.exportScoresCsv'
  | 'queues.importScores'
>

/** Review packs: a queue travels to a reviewer's machine and their scores travel back. */
export function reviewPackHandlers(ctx: CoreContext): PackHandlers {
  const repo = ctx.repos.reviewPacks
  return {
    'queues.exportPack': ({ queueId }) => exportReviewPack(ctx, repo, queueId),

    'queues.importPack': ({ content }) => importReviewPack(ctx, repo, content),

    'queues.exportScores': ({ queueId }) => exportReviewScores(ctx, repo, queueId),

    'queues.exportScoresCsv': ({ queueId }) => exportReviewScoresCsv(ctx, queueId),

    // All or nothing: every assignment and score is checked before the first write.
    'queues.importScores': ({ content }) => {
      const file = parseScoresFile(content)
      return writeTransaction(ctx, () => {
        const { queue, local } = checkScoresFile(ctx, repo, file)
        const counts = mergeScores(repo, file, queue, local)
        ctx.repos.audit.append({
          at: ctx.now(),
          actor: ctx.user,
          action: 'review.scores_imported',
          entityType: 'review_queue',
          entityId: file.queueId,
          details: { ...counts, exportedBy: file.exportedBy, exportedAt: file.exportedAt },
        })
        syncHumanScores(ctx, file.queueId)
        return { queue: queueById(ctx, file.queueId), ...counts }
      })
    },
  }
}

import type { Handlers } from '../dispatch'
import {
  adjudicate,
  createQueue,
  createReviewer,
  listQueues,
  nextItem,
  previewQueue,
  queueById,
  queueReport,
  scoreItem,
  skipItem,
  undoLast,
} from '../review'
import type { CoreContext } from '../context'

type ReviewHandlers = Pick<
  Handlers,
  | 'reviewers.list'
  | 'reviewers.create'
  | 'queues.create'
  | 'queues.list'
  | 'queues.get'
  | 'queues.report'
  | 'queues.adjudicate'
  | 'queues.preview'
  | 'review.item'
  | 'review.score'
  | 'review.skip'
  | 'review.undo'
>

/** Human review queues: reviewers, queues, scoring one item at a time, the agreement report and adjudication. */
export function reviewHandlers(ctx: CoreContext): ReviewHandlers {
  return {
    'reviewers.list': () => ctx.repos.reviewers.list(),
    'reviewers.create': ({ name }) => createReviewer(ctx, name),
    'queues.create': (draft) => createQueue(ctx, draft),
    'queues.list': () => listQueues(ctx),
    'queues.get': ({ queueId }) => queueById(ctx, queueId),
    'queues.report': ({ queueId }) => queueReport(ctx, queueId),
    'queues.adjudicate': (input) => adjudicate(ctx, input),
    'queues.preview': (draft) => previewQueue(ctx, draft),
    'review.item': ({ queueId, reviewerId, position }) => nextItem(ctx, queueId, reviewerId, position),
    'review.score': (input) => scoreItem(ctx, input),
    'review.skip': ({ assignmentId, reason }) => skipItem(ctx, assignmentId, reason),
    'review.undo': ({ queueId, reviewerId }) => undoLast(ctx, queueId, reviewerId),
  }
}

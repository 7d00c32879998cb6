import type { CoreContext } from '../context'
import { calibration } from '../review/calibration'
import { loadQueue } from '../review/queue-view'

/** One judge scorer measured against the final human scores of a review queue on the prompt's runs. */
export interface ReviewCalibration {
  queueName: string
  judgeMetric: string
  items: number
  cohensKappa: number | null
  percentAgreement: number | null
}

/** Every judge-vs-human calibration of the prompt's review queues, with at least one item scored by both. */
export function reviewCalibrations(ctx: CoreContext, promptId: string): ReviewCalibration[] {
  return ctx.repos.maturityFacts.reviewQueues(promptId).flatMap((queue) =>
    calibration(ctx, loadQueue(ctx, queue.id))
      .filter((c) => c.items > 0)
      .map((c) => ({
        queueName: queue.name,
        judgeMetric: c.judgeMetric,
        items: c.items,
        cohensKappa: c.cohensKappa,
        percentAgreement: c.percentAgreement,
      })),
  )
}

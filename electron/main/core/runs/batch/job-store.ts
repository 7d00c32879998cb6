import type { BatchItem } from '../../db/repos/batch-items'
import type { StoredBatchJob } from '../../db/repos/batch-jobs'
import { writeTransaction, type CoreContext } from '../../context'
import { newId } from '../../ids'
import type { CollectPlan } from './batch-collect'

/** An item as it goes into a new job: its key, request hash and the attempt it is sent as. */
export type JobEntry = Omit<BatchItem, 'jobId' | 'customId' | 'state'>

/** A short custom id: the item's index in its job (letters, digits, '_' and '-' only, as both APIs accept). */
export const customIdOf = (index: number): string => `i${index}`

function insertJob(ctx: CoreContext, runId: string, provider: string, entries: readonly JobEntry[]): string {
  const id = newId('bjob')
  const attempt = Math.max(...entries.map((e) => e.attempt))
  ctx.repos.batchJobs.insert({ id, runId, provider, requests: entries.length, attempt, createdAt: ctx.now() })
  entries.forEach((entry, index) =>
    ctx.repos.batchItems.insert({ ...entry, jobId: id, customId: customIdOf(index) }),
  )
  return id
}

/** Stores a job and its items in one transaction, before anything is sent: a crash from here on loses nothing. */
export function storeJob(
  ctx: CoreContext,
  runId: string,
  provider: string,
  entries: readonly JobEntry[],
): string {
  return writeTransaction(ctx, () => insertJob(ctx, runId, provider, entries))
}

/**
 * The job's side of a collection, inside the transaction that writes its results: item states, the items
 * queued for a later job (stored as a new 'preparing' job), and the job's own final state. Returns the new
 * job's id, if any.
 */
export function applyCollection(
  ctx: CoreContext,
  job: StoredBatchJob,
  plan: CollectPlan,
  finalState: 'collected' | 'cancelled' | 'failed',
): string | null {
  for (const { customId, state } of plan.states) ctx.repos.batchItems.setState(job.id, customId, state)
  const next =
    plan.requeue.length > 0
      ? insertJob(
          ctx,
          job.runId,
          job.provider,
          plan.requeue.map(({ jobId: _j, customId: _c, state: _s, ...entry }) => entry),
        )
      : null
  ctx.repos.batchJobs.setState(job.id, finalState)
  return next
}

import { createHash } from 'node:crypto'
import { resultKey, type ResultKey } from '../../../../../shared/lib/model-identity'
import type { BatchItem } from '../../db/repos/batch-items'
import type { StoredBatchJob } from '../../db/repos/batch-jobs'
import { writeTransaction, type CoreContext } from '../../context'
import { newId } from '../../ids'
import type { CollectPlan } from './batch-collect'

/** An item as it goes into a new job: its key, request hash and the attempt it is sent as. */
export type JobEntry = Omit<BatchItem, 'jobId' | 'customId' | 'state'>

/**
 * An item's custom id: a digest of its result key, so the same item has the same id in every job it is sent
 * in (a retry, a job re-sent after a crash) and no two items of a run share one. 33 characters of letters,
 * digits, '_' and '-', as both APIs accept.
 */
export const customIdOf = (key: ResultKey): string =>
  `r${createHash('sha256').update(resultKey(key)).digest('base64url').slice(0, 32)}`

function insertJob(ctx: CoreContext, runId: string, provider: string, entries: readonly JobEntry[]): string {
  const id = newId('bjob')
  const attempt = Math.max(...entries.map((e) => e.attempt))
  ctx.repos.batchJobs.insert({ id, runId, provider, requests: entries.length, attempt, createdAt: ctx.now() })
  for (const entry of entries)
    ctx.repos.batchItems.insert({ ...entry, jobId: id, customId: customIdOf(entry) })
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

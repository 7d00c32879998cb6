import { z } from 'zod'
import { AppError } from '../../../../../shared/contract'
import { toolStepSchema } from '../../../../../shared/domain/conversation'
import { attemptSchema } from '../../../../../shared/domain/runs'
import type { ResultKey } from '../../../../../shared/lib/model-identity'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

/**
 * One finished model call of a tool loop still in progress, as stored: the step itself, the attempts it took
 * (so the final row counts the attempts of every process that worked on it), and whether it came from the
 * response cache.
 */
export const storedStepSchema = z.object({
  step: toolStepSchema,
  attempts: z.array(attemptSchema),
  cached: z.boolean(),
})
export type StoredStep = z.infer<typeof storedStepSchema>

/** A result row's identity within its run: the item a loop's steps belong to. */
export type StepOwner = { runId: string } & ResultKey

interface StepKeyParams {
  runId: string
  caseId: string
  promptVersionId: string
  provider: string
  modelId: string
  repeat: number
}

const ownerSql = `run_id = @runId AND case_id = @caseId AND prompt_version_id = @promptVersionId
  AND provider = @provider AND model_id = @modelId AND repeat = @repeat`

export type RunItemStepsRepo = ReturnType<typeof createRunItemStepsRepo>

export function createRunItemStepsRepo(db: Db) {
  const statements = {
    // A plain INSERT: a step is stored once, and a resumed loop starts after the last stored one, so a
    // second write of the same step is a bug that must fail loudly rather than replace what was paid for.
    insert: db.prepare(
      `INSERT INTO run_item_steps (run_id, case_id, prompt_version_id, provider, model_id, repeat, step, data)
       VALUES (@runId, @caseId, @promptVersionId, @provider, @modelId, @repeat, @step, @data)`,
    ),
    list: db.prepare<[StepKeyParams], { step: number; data: string }>(
      `SELECT step, data FROM run_item_steps WHERE ${ownerSql} ORDER BY step`,
    ),
    remove: db.prepare<[StepKeyParams]>(`DELETE FROM run_item_steps WHERE ${ownerSql}`),
    countOfRun: db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM run_item_steps WHERE run_id = ?',
    ),
  }
  return {
    /** Stores one finished step; its own short transaction, so it survives whatever happens next. */
    insert: (owner: StepOwner, stored: StoredStep): void => {
      statements.insert.run({ ...keyParams(owner), step: stored.step.step, data: JSON.stringify(stored) })
    },
    /** The steps stored for one item, in order; each row's step number must match its data. */
    list: (owner: StepOwner): StoredStep[] => {
      const where = `tool loop step of run ${owner.runId}, case ${owner.caseId}`
      return statements.list.all(keyParams(owner)).map((row) => {
        const stored = parseJsonColumn(storedStepSchema, row.data, where)
        if (stored.step.step !== row.step)
          throw new AppError('INTERNAL', `Stored ${where}: row ${row.step} holds step ${stored.step.step}`)
        return stored
      })
    },
    /** Called in the transaction that writes the item's result row; returns how many steps were removed. */
    remove: (owner: StepOwner): number => statements.remove.run(keyParams(owner)).changes,
    countOfRun: (runId: string): number => statements.countOfRun.get(runId)?.n ?? 0,
  }
}

const keyParams = (o: StepOwner): StepKeyParams => ({
  runId: o.runId,
  caseId: o.caseId,
  promptVersionId: o.promptVersionId,
  provider: o.provider,
  modelId: o.modelId,
  repeat: o.repeat,
})

import type { ModelRef } from '../../../../../shared/domain/prompts'
import type { Db } from '../connection'

export interface ModelUse extends ModelRef {
  /** Where the pair was seen: a prompt version pins it, or a run's plan names it. */
  source: 'pinned' | 'run'
}

export type ModelUsageRepo = ReturnType<typeof createModelUsageRepo>

/** Which provider/model pairs the workspace has used: suggestions for the model pickers. */
export function createModelUsageRepo(db: Db) {
  const statements = {
    used: db.prepare<[], ModelUse>(
      `SELECT DISTINCT model_provider AS provider, model_id AS model, 'pinned' AS source FROM prompt_versions
       UNION
       SELECT DISTINCT json_extract(m.value, '$.provider'), json_extract(m.value, '$.model'), 'run'
         FROM runs r, json_each(r.plan, '$.models') m
       ORDER BY provider, model, source`,
    ),
  }
  return {
    /** Every pair once per source, by provider and model. */
    used: (): ModelUse[] => statements.used.all(),
  }
}

import type { Db } from '../connection'
import { createAuditRepo } from './audit'
import { createDatasetsRepo } from './datasets'
import { createPromptsRepo } from './prompts'
import { createRubricsRepo } from './rubrics'

export type Repos = ReturnType<typeof createRepos>

/** Statements are prepared once per connection, here. */
export function createRepos(db: Db) {
  return {
    prompts: createPromptsRepo(db),
    datasets: createDatasetsRepo(db),
    rubrics: createRubricsRepo(db),
    audit: createAuditRepo(db),
  }
}

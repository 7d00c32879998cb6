import { z } from 'zod'

/**
 * Every table of the workspace database a method can read or write, and the only names `db.changed`
 * carries: `reads`, `writes` and the event are typed with it, so a misspelt table fails to compile instead
 * of leaving a screen silently stale. tests/db checks the list against the migrated schema.
 */
export const tableNames = [
  'approvals',
  'audit_log',
  'baselines',
  'bundle_exports',
  // issue 22 · area D (migration 0022)
  'bundle_checks',
  'incident_runbooks',
  // end area D
  // Issue 22 · B: generated case drafts.
  'case_drafts',
  'case_revisions',
  'dataset_cases',
  'dataset_snapshot_cases',
  'dataset_snapshots',
  'datasets',
  'eval_suites',
  'gate_results',
  'pairwise_comparisons',
  'pairwise_judgments',
  'price_overrides',
  'production_imports',
  'production_settings',
  'prompt_environments',
  'prompt_versions',
  'prompts',
  'provider_settings',
  'response_cache',
  'review_adjudications',
  'review_assignments',
  'review_changes',
  'review_items',
  'review_queues',
  'review_scores',
  'reviewers',
  'rubrics',
  'run_batch_items',
  'run_batch_jobs',
  'run_item_steps',
  'run_judge_totals',
  'run_result_totals',
  'run_results',
  'run_score_totals',
  'run_score_totals_writers',
  'run_scores',
  'runs',
  'score_calls',
  'signoffs',
  'workspace_meta',
] as const

export type TableName = (typeof tableNames)[number]

export const tableNameSchema = z.enum(tableNames)

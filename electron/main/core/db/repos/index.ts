import type { Db } from '../connection'
import { createApprovalsRepo } from './approvals'
import { createAuditRepo } from './audit'
import { createBaselinesRepo } from './baselines'
import { createBatchItemsRepo } from './batch-items'
import { createBatchJobsRepo } from './batch-jobs'
import { createBundleExportsRepo } from './bundle-exports'
import { createCasePairsRepo } from './case-pairs'
// Issue 22 · B: generated case drafts.
import { createCaseDraftsRepo } from './case-drafts'
import { createDatasetCasesRepo } from './dataset-cases'
import { createDatasetsRepo } from './datasets'
import { createEnvironmentsRepo } from './environments'
import { createEvalSuitesRepo } from './eval-suites'
import { createGateResultsRepo } from './gate-results'
import { createHistoryRepo } from './history'
import { createMaturityFactsRepo } from './maturity-facts'
import { createModelUsageRepo } from './model-usage'
import { createPairwiseRepo } from './pairwise'
import { createPriceOverridesRepo } from './price-overrides'
import { createProductionRepo } from './production'
import { createPromptsRepo } from './prompts'
import { createReviewAssignmentsRepo } from './review-assignments'
import { createReviewExportRepo } from './review-export'
import { createReviewPacksRepo } from './review-packs'
import { createReviewQueuesRepo } from './review-queues'
import { createReviewScoresRepo } from './review-scores'
import { createReviewersRepo } from './reviewers'
import { createProviderSettingsRepo } from './provider-settings'
import { createResultExportRepo } from './result-export'
import { createResultHistoryRepo } from './result-history'
import { createResultRowsRepo } from './result-rows'
import { createRubricsRepo } from './rubrics'
import { createRunsRepo } from './runs'
import { createRunItemStepsRepo } from './run-item-steps'
import { createRunResultsRepo } from './runs-results'
import { createRunAggregatesRepo } from './run-aggregates'
import { createRunFactsRepo } from './run-facts'
import { createRunScoresRepo } from './run-scores'
import { createScoreAggregatesRepo } from './score-aggregates'
import { createScoreCallsRepo } from './score-calls'
import { createScoreTotalsRepo } from './score-totals'
import { createScorecardEvidenceRepo } from './scorecard-evidence'
import { createSignoffsRepo } from './signoffs'
import { createSnapshotsRepo } from './snapshots'
import { createWorkspaceMetaRepo } from './workspace-meta'

export type Repos = ReturnType<typeof createRepos>

/** Statements are prepared once per connection, here. */
export function createRepos(db: Db) {
  return {
    prompts: createPromptsRepo(db),
    environments: createEnvironmentsRepo(db),
    approvals: createApprovalsRepo(db),
    history: createHistoryRepo(db),
    datasets: createDatasetsRepo(db),
    datasetCases: createDatasetCasesRepo(db),
    caseDrafts: createCaseDraftsRepo(db),
    snapshots: createSnapshotsRepo(db),
    rubrics: createRubricsRepo(db),
    evalSuites: createEvalSuitesRepo(db),
    runScores: createRunScoresRepo(db),
    pairwise: createPairwiseRepo(db),
    scoreCalls: createScoreCallsRepo(db),
    scoreTotals: createScoreTotalsRepo(db),
    audit: createAuditRepo(db),
    runs: createRunsRepo(db),
    runResults: createRunResultsRepo(db),
    runItemSteps: createRunItemStepsRepo(db),
    batchJobs: createBatchJobsRepo(db),
    batchItems: createBatchItemsRepo(db),
    resultHistory: createResultHistoryRepo(db),
    resultRows: createResultRowsRepo(db),
    resultExport: createResultExportRepo(db),
    providerSettings: createProviderSettingsRepo(db),
    priceOverrides: createPriceOverridesRepo(db),
    baselines: createBaselinesRepo(db),
    gateResults: createGateResultsRepo(db),
    reviewers: createReviewersRepo(db),
    reviewQueues: createReviewQueuesRepo(db),
    reviewAssignments: createReviewAssignmentsRepo(db),
    reviewScores: createReviewScoresRepo(db),
    reviewExport: createReviewExportRepo(db),
    reviewPacks: createReviewPacksRepo(db),
    signoffs: createSignoffsRepo(db),
    bundleExports: createBundleExportsRepo(db),
    production: createProductionRepo(db),
    modelUsage: createModelUsageRepo(db),
    runFacts: createRunFactsRepo(db),
    maturityFacts: createMaturityFactsRepo(db),
    scorecardEvidence: createScorecardEvidenceRepo(db),
    runAggregates: createRunAggregatesRepo(db),
    scoreAggregates: createScoreAggregatesRepo(db),
    casePairs: createCasePairsRepo(db),
    workspaceMeta: createWorkspaceMetaRepo(db),
  }
}

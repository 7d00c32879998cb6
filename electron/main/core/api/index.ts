import { AppError, methodNames, type MethodName } from '../../../../shared/contract'
import type { AppStatus } from '../../../../shared/domain/workspace'
import type { ImportLimits } from '../datasets/files'
import type { Handler, Handlers } from '../dispatch'
import {
  createPromotionGate,
  defaultPromotionRequirements,
  type PromotionRequirement,
} from '../prompts/promotion'
import { bundleHandlers } from './bundles'
import { caseHandlers } from './cases'
// Issue 22 · B: generated cases.
import { caseDraftHandlers } from './case-drafts'
import { correctionHandlers } from './corrections'
import { compareHandlers } from './compare'
import { pairwiseHandlers } from './pairwise'
import type { CoreContext } from '../context'
import { datasetEditHandlers } from './dataset-edits'
import { datasetFileHandlers } from './dataset-files'
import { datasetHandlers } from './datasets'
import { gateHandlers } from './gates'
import { environmentHandlers } from './prompt-environments'
import { scorecardHandlers } from './scorecard'
import { playgroundHandlers } from './playground'
import type { PlaygroundManager } from '../playground/manager'
import { guideHandlers } from './guide'
import { productionHandlers } from './production'
import { promptFileHandlers } from './prompt-files'
import { priceHandlers } from './prices'
import { promptHandlers } from './prompts'
import { providerHandlers } from './providers'
import { reviewHandlers } from './review'
import { reviewPackHandlers } from './review-packs'
import { rubricHandlers } from './rubrics'
import { runHandlers } from './runs'
import { scoringHandlers } from './scoring'
import { signoffHandlers } from './signoffs'
import { suiteHandlers } from './suites'
import type { ScoringDeps } from '../scoring/deps'
import type { RunManager } from '../runs/runner'
import type { PairwiseManager } from '../scoring/pairwise/manager'
import type { KeySources } from '../llm/catalog'
import { createSessionSigningKeyStore, type SigningKeyStore } from '../signing'

export interface HandlerOptions {
  /** Added to the default promotion requirements (an approval and a passing eval gate for prod). */
  promotionRequirements?: readonly PromotionRequirement[]
  /** Lower dataset import limits (tests of the size checks); the file layer's defaults otherwise. */
  importLimits?: Partial<ImportLimits>
  /** How judges reach their providers (the runner's options); the environment's defaults otherwise. */
  scoring?: ScoringDeps
  /** Users' signing keys (safeStorage in the app); a memory-only store otherwise. */
  signingKeys?: SigningKeyStore
  /** The playground's sessions; absent in cores that never offer it (its methods then refuse). */
  playground?: PlaygroundManager
}

/** The full handler table of an open workspace. */
export function createHandlers(
  ctx: CoreContext,
  status: AppStatus,
  runs: RunManager,
  keys: KeySources,
  pairwise: PairwiseManager,
  options: HandlerOptions = {},
): Handlers {
  const gate = createPromotionGate(ctx.repos, [
    ...defaultPromotionRequirements,
    ...(options.promotionRequirements ?? []),
  ])
  return {
    'app.status': () => status,
    ...promptHandlers(ctx),
    ...environmentHandlers(ctx, gate),
    ...promptFileHandlers(ctx),
    ...datasetHandlers(ctx),
    ...datasetEditHandlers(ctx),
    ...datasetFileHandlers(ctx, options.importLimits),
    ...caseHandlers(ctx),
    ...correctionHandlers(ctx),
    ...runHandlers(ctx, runs),
    ...providerHandlers(ctx, keys),
    ...priceHandlers(ctx),
    ...rubricHandlers(ctx),
    ...suiteHandlers(ctx),
    ...scoringHandlers(ctx, options.scoring ?? {}),
    ...gateHandlers(ctx, options.scoring ?? {}),
    ...reviewHandlers(ctx),
    ...reviewPackHandlers(ctx),
    ...compareHandlers(ctx),
    ...pairwiseHandlers(ctx, pairwise),
    ...signoffHandlers(ctx, options.signingKeys ?? createSessionSigningKeyStore()),
    ...bundleHandlers(ctx),
    ...productionHandlers(ctx, options.scoring ?? {}),
    ...scorecardHandlers(ctx),
    ...(options.playground ? playgroundHandlers(options.playground) : noPlayground),
    ...guideHandlers(ctx),
    ...caseDraftHandlers(ctx),
  }
}

const noPlayground: ReturnType<typeof playgroundHandlers> = {
  'playground.start': refusePlayground,
  'playground.get': refusePlayground,
  'playground.cancel': refusePlayground,
  'playground.save': refusePlayground,
}

function refusePlayground(): never {
  throw new AppError(
    'WORKSPACE_UNAVAILABLE',
    'The playground is not available here: open the app or the browser host.',
  )
}

/** A workspace that failed to open still answers `app.status`, so the UI can show why; all else refuses. */
export function createUnavailableHandlers(status: AppStatus): Handlers {
  const reason = status.state === 'failed' ? status.failure.message : 'The workspace is not open'
  const refuse: Handler<MethodName> = () => {
    throw new AppError('WORKSPACE_UNAVAILABLE', reason)
  }
  const table = Object.fromEntries(methodNames.map((name) => [name, refuse])) as Handlers
  return { ...table, 'app.status': () => status }
}

import {
  criterionKeys,
  type MaturityCriterion,
  type PromptScorecard,
  type WorkspaceScorecard,
} from '../../../../shared/domain/scorecard'
import type { CoreContext } from '../context'
import type { Assessment } from './criterion'
import { abPromptVariants, canaryBeforeSwitch, ciGate, costPerSegment } from './criteria-automated'
import { incidentRunbook, pinnedModels, registryHistory } from './criteria-managed'
import { costOptimisation, productionAlerts, reviewCalibrated } from './criteria-optimized'
import { readPromptFacts, type PromptFacts } from './facts'

type CriterionKey = (typeof criterionKeys)[number]

interface CriterionDefinition {
  label: string
  level: 1 | 2 | 3
  assess: (facts: PromptFacts) => Assessment
}

/** The criteria in the order the scorecard shows them; `satisfies` keeps it complete. */
const definitions = {
  registry_history: { label: 'Registry with version history', level: 1, assess: registryHistory },
  pinned_models: { label: 'Models pinned to dated snapshots', level: 1, assess: pinnedModels },
  incident_runbook: { label: 'Documented incident runbook', level: 1, assess: incidentRunbook },
  ci_gate: { label: 'Eval runs gate every change in CI', level: 2, assess: ciGate },
  canary_before_switch: {
    label: 'Canary comparison before a model switch',
    level: 2,
    assess: canaryBeforeSwitch,
  },
  ab_prompt_variants: { label: 'A/B comparison of prompt variants', level: 2, assess: abPromptVariants },
  cost_per_segment: {
    label: 'Cost per feature and segment, against revenue',
    level: 2,
    assess: costPerSegment,
  },
  production_alerts: { label: 'Production sampling with alerts', level: 3, assess: productionAlerts },
  review_calibrated: { label: 'Human review calibrated against judges', level: 3, assess: reviewCalibrated },
  cost_optimisation: {
    label: 'Cost optimisation (caching, cheaper-model canaries)',
    level: 3,
    assess: costOptimisation,
  },
} satisfies Record<CriterionKey, CriterionDefinition>

/** The scorecard of every prompt and of the workspace, from what the database holds now. */
export function assessWorkspace(ctx: CoreContext): WorkspaceScorecard {
  const assessed = ctx.repos.prompts.list().map((prompt) => {
    const facts = readPromptFacts(ctx, prompt)
    return { deployed: facts.deployed, card: assessPrompt(facts) }
  })
  const deployed = assessed.filter((a) => a.deployed)
  const counted = (deployed.length > 0 ? deployed : assessed).map((a) => a.card)
  return {
    level: counted.length > 0 ? Math.min(...counted.map((c) => c.level)) : 0,
    criteria: criterionKeys.map((key) => ({
      key,
      label: definitions[key].label,
      level: definitions[key].level,
      met: counted.filter((c) => c.criteria.some((x) => x.key === key && x.met)).length,
      of: counted.length,
    })),
    prompts: assessed.map((a) => a.card),
    nextSteps: commonGaps(counted),
    runbook: ctx.repos.scorecardEvidence.runbook(),
    assessedAt: ctx.now(),
  }
}

export function assessPrompt(facts: PromptFacts): PromptScorecard {
  const criteria: MaturityCriterion[] = criterionKeys.map((key) => {
    const { label, level, assess } = definitions[key]
    const verdict = assess(facts)
    return { key, label, level, ...verdict, nextStep: verdict.met ? '' : verdict.nextStep }
  })
  const level = reachedLevel(criteria)
  return {
    promptId: facts.prompt.id,
    name: facts.prompt.name,
    level,
    criteria,
    nextSteps: gapsAt(criteria, level + 1).map((c) => c.nextStep),
  }
}

/** The highest level L such that every criterion of levels 1..L is met. */
export function reachedLevel(criteria: readonly Pick<MaturityCriterion, 'level' | 'met'>[]): 0 | 1 | 2 | 3 {
  let level: 0 | 1 | 2 | 3 = 0
  for (const next of [1, 2, 3] as const) {
    if (!criteria.filter((c) => c.level === next).every((c) => c.met)) break
    level = next
  }
  return level
}

function gapsAt(criteria: readonly MaturityCriterion[], level: number): MaturityCriterion[] {
  return criteria.filter((c) => c.level === level && !c.met)
}

/** Each prompt's gaps to its next level, most common first: "<step> (Reply drafter, Ticket triage)". */
function commonGaps(cards: readonly PromptScorecard[]): string[] {
  const byKey = new Map<CriterionKey, { step: string; prompts: string[] }>()
  for (const card of cards) {
    for (const gap of gapsAt(card.criteria, card.level + 1)) {
      const entry = byKey.get(gap.key) ?? { step: gap.nextStep, prompts: [] }
      entry.prompts.push(card.name)
      byKey.set(gap.key, entry)
    }
  }
  return [...byKey.entries()]
    .sort(
      ([a, x], [b, y]) =>
        y.prompts.length - x.prompts.length || criterionKeys.indexOf(a) - criterionKeys.indexOf(b),
    )
    .map(([, { step, prompts }]) => `${step} (${prompts.join(', ')})`)
}

import type { Core } from '../../../../electron/main/core'
import type {
  MaturityCriterion,
  PromptScorecard,
  WorkspaceScorecard,
} from '../../../../shared/domain/scorecard'
import { call } from '../core-calls'

export const scorecard = (core: Core) => call<WorkspaceScorecard>(core, 'scorecard.get', {})

export function card(s: WorkspaceScorecard, name: string): PromptScorecard {
  const found = s.prompts.find((p) => p.name === name)
  if (!found) throw new Error(`no scorecard for ${name}`)
  return found
}

export function criterion(s: WorkspaceScorecard, name: string, key: MaturityCriterion['key']) {
  const found = card(s, name).criteria.find((c) => c.key === key)
  if (!found) throw new Error(`no ${key} for ${name}`)
  return found
}

/** The criterion as the scorecard of `prompt` shows it now. */
export async function assessed(core: Core, prompt: string, key: MaturityCriterion['key']) {
  return criterion(await scorecard(core), prompt, key)
}

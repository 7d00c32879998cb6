import type { PromptVersion } from '../../../../shared/domain/prompts'
import { versionKey, type DiffState } from './diff-store'

export const selectDiffPair = (s: DiffState) => s.pair
export const selectDiffPromptId = (s: DiffState) => s.promptId
export const selectDiffLoad = (s: DiffState) => s.load
export const selectDiffPicks = (s: DiffState) => s.picks
export const selectDiffActions = (s: DiffState) => s.actions

export const selectLeftVersion = (s: DiffState): PromptVersion | null =>
  s.promptId && s.pair ? (s.versions[versionKey(s.promptId, s.pair.left)] ?? null) : null

export const selectRightVersion = (s: DiffState): PromptVersion | null =>
  s.promptId && s.pair ? (s.versions[versionKey(s.promptId, s.pair.right)] ?? null) : null

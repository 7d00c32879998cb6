import type { PromptDetail, PromptMessage } from '../../../../shared/domain/prompts'
import type { PromptsState } from './prompts-store'

export const selectPromptList = (s: PromptsState) => s.list
export const selectListLoad = (s: PromptsState) => s.listLoad
export const selectSelectedId = (s: PromptsState) => s.selectedId
export const selectDetail = (s: PromptsState) => s.detail
export const selectDetailLoad = (s: PromptsState) => s.detailLoad
export const selectCommitMessage = (s: PromptsState) => s.commitMessage
export const selectSave = (s: PromptsState) => s.save
export const selectNotice = (s: PromptsState) => s.notice
export const selectPromptActions = (s: PromptsState) => s.actions

/** What the editors show: the draft once edited, else the shown version's messages. */
const noMessages: PromptMessage[] = []
export const selectShownMessages = (s: PromptsState): PromptMessage[] =>
  s.draft ?? s.detail?.version.messages ?? noMessages

export function latestNumber(detail: PromptDetail): number {
  return detail.versions.reduce((max, v) => Math.max(max, v.number), detail.version.number)
}

/** True while an older version is shown: it can be read, not edited. */
export const selectIsReadOnly = (s: Pick<PromptsState, 'detail'>): boolean =>
  s.detail !== null && s.detail.version.number < latestNumber(s.detail)

/** True when the draft differs from the version it started from (typing back the original is not dirty). */
export function selectIsDirty(s: Pick<PromptsState, 'detail' | 'draft'>): boolean {
  if (!s.draft || !s.detail) return false
  const original = s.detail.version.messages
  return s.draft.length !== original.length || s.draft.some((m, i) => m.content !== original[i]?.content)
}

/** Versions newest first, whatever order the core sent. */
export function sortVersions(detail: PromptDetail): PromptDetail['versions'] {
  return [...detail.versions].sort((a, b) => b.number - a.number)
}

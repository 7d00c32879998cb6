import type { ModelRef, PromptDetail, PromptMessage, PromptVersion } from '../../../../shared/domain/prompts'
import type { Environment } from '../../../../shared/domain/environments'
import { draftDiffers } from './draft'
import { paramsToForm, type ParamsForm } from './params-form'
import type { PromptsState } from './prompts-store'

export const selectPromptList = (s: PromptsState) => s.list
export const selectListLoad = (s: PromptsState) => s.listLoad
export const selectSelectedId = (s: PromptsState) => s.selectedId
export const selectDetail = (s: PromptsState) => s.detail
export const selectDetailLoad = (s: PromptsState) => s.detailLoad
export const selectCommitMessage = (s: PromptsState) => s.commitMessage
export const selectSave = (s: PromptsState) => s.save
export const selectDetailsSave = (s: PromptsState) => s.detailsSave
export const selectNotice = (s: PromptsState) => s.notice
export const selectTab = (s: PromptsState) => s.tab
export const selectPromptActions = (s: PromptsState) => s.actions

/** What the editors show: the draft once edited, else the shown version's messages. */
const noMessages: PromptMessage[] = []
export const selectShownMessages = (s: PromptsState): PromptMessage[] =>
  s.draft?.messages ?? s.detail?.version.messages ?? noMessages

export const selectShownModel = (s: PromptsState): ModelRef | null =>
  s.draft?.model ?? s.detail?.version.model ?? null

// One form object per version, so the selector returns the same value until the version changes.
const formCache = new WeakMap<PromptVersion, ParamsForm>()
export function selectShownParams(s: PromptsState): ParamsForm | null {
  if (s.draft) return s.draft.params
  const version = s.detail?.version
  if (!version) return null
  let form = formCache.get(version)
  if (!form) {
    form = paramsToForm(version.params)
    formCache.set(version, form)
  }
  return form
}

export function latestNumber(detail: PromptDetail): number {
  return detail.versions.reduce((max, v) => Math.max(max, v.number), detail.version.number)
}

export function latestVersionId(detail: PromptDetail): string {
  const latest = latestNumber(detail)
  return detail.versions.find((v) => v.number === latest)?.id ?? detail.version.id
}

/** True while an older version is shown: it can be read, not edited. */
export const selectIsReadOnly = (s: Pick<PromptsState, 'detail'>): boolean =>
  s.detail !== null && s.detail.version.number < latestNumber(s.detail)

/** True when the draft differs from the version it started from (typing back the original is not dirty). */
export function selectIsDirty(s: Pick<PromptsState, 'detail' | 'draft'>): boolean {
  if (!s.draft || !s.detail) return false
  return draftDiffers(s.draft, s.detail.version)
}

/** Versions newest first, whatever order the core sent. */
export function sortVersions(detail: PromptDetail): PromptDetail['versions'] {
  return [...detail.versions].sort((a, b) => b.number - a.number)
}

/** The version number each environment points at (null where nothing was promoted yet). */
export function envNumbers(detail: PromptDetail): Record<Environment, number | null> {
  const find = (env: Environment) => detail.environments.find((p) => p.env === env)?.versionNumber ?? null
  return { staging: find('staging'), prod: find('prod') }
}

export function versionIdOf(detail: PromptDetail, versionNumber: number): string | null {
  return detail.versions.find((v) => v.number === versionNumber)?.id ?? null
}

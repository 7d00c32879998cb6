import type { PreviewState } from './preview-store'

export const selectPreviewResult = (s: PreviewState) => s.result
export const selectPreviewLoad = (s: PreviewState) => s.load
export const selectPreviewSource = (s: PreviewState) => s.source
export const selectManualVars = (s: PreviewState) => s.manualVars
export const selectPickedCase = (s: PreviewState) => s.pickedCase
export const selectPreviewActions = (s: PreviewState) => s.actions
export const selectPreviewTemplate = (s: PreviewState) => s.template

/**
 * Where the picked case's turns sit in the rendered messages: at the placeholder, or after all of the
 * version's messages when it has none; null when the preview shows no conversation.
 */
export function selectCaseTurns(s: PreviewState): { start: number; count: number } | null {
  const turns = s.source === 'case' ? s.pickedCase?.conversation : undefined
  if (!turns || !s.template) return null
  const { messages } = s.template
  const at = messages.findIndex((m) => m.role === 'conversation')
  return { start: at < 0 ? messages.length : at, count: turns.length }
}

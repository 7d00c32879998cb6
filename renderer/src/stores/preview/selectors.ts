import type { PreviewState } from './preview-store'

export const selectPreviewResult = (s: PreviewState) => s.result
export const selectPreviewLoad = (s: PreviewState) => s.load
export const selectPreviewSource = (s: PreviewState) => s.source
export const selectManualVars = (s: PreviewState) => s.manualVars
export const selectPickedCase = (s: PreviewState) => s.pickedCase
export const selectPreviewActions = (s: PreviewState) => s.actions

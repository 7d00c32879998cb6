import type { NewPromptState } from './new-prompt-store'

export const selectNewPromptOpen = (s: NewPromptState) => s.open
export const selectNewPromptForm = (s: NewPromptState) => s.form
export const selectNewPromptSubmit = (s: NewPromptState) => s.submit
export const selectNewPromptActions = (s: NewPromptState) => s.actions

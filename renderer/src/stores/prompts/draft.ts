import type { ModelParams, ModelRef, PromptMessage, PromptVersion } from '../../../../shared/domain/prompts'
import { sameModel } from '../../../../shared/lib/model-ref'
import { paramsFromForm, paramsToForm, sameForm, type ParamsForm } from './params-form'

/** Everything a save turns into a new version: messages, the pinned model and its parameters. */
export interface Draft {
  messages: PromptMessage[]
  model: ModelRef
  params: ParamsForm
}

export type Role = PromptMessage['role']

export function draftFromVersion(version: Pick<PromptVersion, 'messages' | 'model' | 'params'>): Draft {
  return { messages: version.messages, model: version.model, params: paramsToForm(version.params) }
}

export function sameMessages(a: PromptMessage[], b: PromptMessage[]): boolean {
  return a.length === b.length && a.every((m, i) => m.role === b[i]?.role && m.content === b[i]?.content)
}

/** True when the draft differs from `version` (typing back the original is not a change). */
export function draftDiffers(draft: Draft, version: PromptVersion): boolean {
  return (
    !sameMessages(draft.messages, version.messages) ||
    !sameModel(draft.model, version.model) ||
    !sameForm(draft.params, paramsToForm(version.params))
  )
}

export function setContent(draft: Draft, index: number, content: string): Draft {
  return mapMessage(draft, index, (m) => ({ ...m, content }))
}

export function setRole(draft: Draft, index: number, role: Role): Draft {
  return mapMessage(draft, index, (m) => ({ ...m, role }))
}

export function addMessage(draft: Draft, role: Role): Draft {
  return { ...draft, messages: [...draft.messages, { role, content: '' }] }
}

/** A version needs one message: the last one stays. */
export function removeMessage(draft: Draft, index: number): Draft {
  if (draft.messages.length <= 1 || !draft.messages[index]) return draft
  return { ...draft, messages: draft.messages.filter((_, i) => i !== index) }
}

/** Moves message `index` up (-1) or down (+1); out-of-range moves change nothing. */
export function moveMessage(draft: Draft, index: number, delta: -1 | 1): Draft {
  const target = index + delta
  const a = draft.messages[index]
  const b = draft.messages[target]
  if (!a || !b) return draft
  const messages = [...draft.messages]
  messages[index] = b
  messages[target] = a
  return { ...draft, messages }
}

/** The version's params, or the draft's when its form is valid; null while the form has an error. */
export function draftParams(draft: Draft): ModelParams | null {
  const { params, errors } = paramsFromForm(draft.params)
  return Object.keys(errors).length > 0 ? null : params
}

function mapMessage(draft: Draft, index: number, fn: (m: PromptMessage) => PromptMessage): Draft {
  if (!draft.messages[index]) return draft
  return { ...draft, messages: draft.messages.map((m, i) => (i === index ? fn(m) : m)) }
}

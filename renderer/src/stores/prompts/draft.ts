import { CONVERSATION_PLACEHOLDER_ROLE } from '../../../../shared/domain/conversation'
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
/** The roles of a message with text; the placeholder is added on its own (at most one, no text). */
export type TextRole = Exclude<Role, typeof CONVERSATION_PLACEHOLDER_ROLE>
export const textRoles: readonly TextRole[] = ['system', 'user', 'assistant']

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
  if (draft.messages[index]?.role === CONVERSATION_PLACEHOLDER_ROLE) return draft
  return mapMessage(draft, index, (m) => ({ ...m, content }))
}

/** A text message changes role; the placeholder is neither given nor taken a role this way. */
export function setRole(draft: Draft, index: number, role: TextRole): Draft {
  if (draft.messages[index]?.role === CONVERSATION_PLACEHOLDER_ROLE) return draft
  return mapMessage(draft, index, (m) => ({ ...m, role }))
}

export function addMessage(draft: Draft, role: TextRole): Draft {
  return { ...draft, messages: [...draft.messages, { role, content: '' }] }
}

export function hasPlaceholder(messages: readonly PromptMessage[]): boolean {
  return messages.some((m) => m.role === CONVERSATION_PLACEHOLDER_ROLE)
}

/**
 * Adds the conversation placeholder after the leading system messages, where a chat's history usually
 * goes (it can be moved like any message); a draft that has one already is returned unchanged.
 */
export function addPlaceholder(draft: Draft): Draft {
  if (hasPlaceholder(draft.messages)) return draft
  const at = draft.messages.findIndex((m) => m.role !== 'system')
  const index = at < 0 ? draft.messages.length : at
  const messages = [...draft.messages]
  messages.splice(index, 0, { role: CONVERSATION_PLACEHOLDER_ROLE, content: '' })
  return { ...draft, messages }
}

/** A version needs one message with text: the last one stays. */
export function removeMessage(draft: Draft, index: number): Draft {
  const target = draft.messages[index]
  if (!target || isLastTextMessage(draft.messages, index)) return draft
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

/** True when message `index` is the only one with text (the placeholder alone is not a version). */
export function isLastTextMessage(messages: readonly PromptMessage[], index: number): boolean {
  const message = messages[index]
  if (!message || message.role === CONVERSATION_PLACEHOLDER_ROLE) return false
  return messages.filter((m) => m.role !== CONVERSATION_PLACEHOLDER_ROLE).length <= 1
}

function mapMessage(draft: Draft, index: number, fn: (m: PromptMessage) => PromptMessage): Draft {
  if (!draft.messages[index]) return draft
  return { ...draft, messages: draft.messages.map((m, i) => (i === index ? fn(m) : m)) }
}

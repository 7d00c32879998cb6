import { AppError } from '../../../../shared/contract'
import { CONVERSATION_PLACEHOLDER_ROLE } from '../../../../shared/domain/conversation'
import type { PromptMessage } from '../../../../shared/domain/prompts'
import {
  caseKeyVariable,
  isKeyColumnName,
  isReservedVariable,
} from '../../../../shared/domain/template-names'
import type { Repos } from '../db/repos'
import { analyzeMessages, templateVariables } from './templates'

export interface UnknownVariable {
  name: string
  messageIndex: number
  role: PromptMessage['role']
}

/** Empty messages and broken template syntax are never stored, whatever the caller allows. */
export function checkMessages(messages: readonly PromptMessage[]): void {
  if (messages.length === 0)
    throw new AppError('INVALID_INPUT', 'A prompt version needs at least one message')
  checkPlaceholders(messages)
  messages.forEach((m, i) => {
    // The conversation placeholder has no content of its own: the case's turns go there.
    if (m.role === CONVERSATION_PLACEHOLDER_ROLE) return
    if (m.content.trim() === '') {
      throw new AppError('INVALID_INPUT', `Message ${i + 1} (${m.role}) is empty`, {
        field: `messages.${i}.content`,
      })
    }
  })
  const [first, ...more] = analyzeMessages(messages).errors
  if (!first) return
  const role = messages[first.messageIndex]?.role ?? 'user'
  const others =
    more.length > 0 ? ` (and ${more.length} more template error${more.length > 1 ? 's' : ''})` : ''
  throw new AppError(
    'INVALID_INPUT',
    `Template error in message ${first.messageIndex + 1} (${role}): ${first.message}${others}`,
    { field: `messages.${first.messageIndex}.content`, errors: [first, ...more] },
  )
}

/**
 * At most one conversation placeholder, holding no text (its content is never sent: a case's turns take its
 * place), and at least one message of the version's own besides it.
 */
export function checkPlaceholders(messages: readonly PromptMessage[]): void {
  const at = messages.flatMap((m, i) => (m.role === CONVERSATION_PLACEHOLDER_ROLE ? [i] : []))
  if (at.length > 1) {
    const list = at.map((i) => i + 1).join(', ')
    throw new AppError(
      'INVALID_INPUT',
      `Messages ${list} are conversation placeholders: a version has at most one (the case's turns go there)`,
      { field: `messages.${at[1]}.role` },
    )
  }
  const [index] = at
  if (index === undefined) return
  if (messages[index]?.content !== '') {
    throw new AppError(
      'INVALID_INPUT',
      `Message ${index + 1} is the conversation placeholder but holds text: it must be empty (the case's turns replace it)`,
      { field: `messages.${index}.content` },
    )
  }
  if (messages.length === 1) {
    throw new AppError(
      'INVALID_INPUT',
      'A prompt version needs at least one message besides the conversation placeholder',
      { field: 'messages' },
    )
  }
}

/**
 * A variable is unknown when no earlier version of this prompt uses it and no dataset case in the workspace
 * provides it: most often a typo ({{subjet}}) that would render as an empty string in every eval.
 * `{{case.key}}` is always known: every case has a key.
 */
export function findUnknownVariables(
  repos: Repos,
  promptId: string | null,
  messages: readonly PromptMessage[],
): UnknownVariable[] {
  const known = repos.datasetCases.variableNames()
  if (promptId) {
    for (const earlier of repos.prompts.allMessages(promptId)) {
      for (const name of analyzeMessages(earlier).variables) known.add(name)
    }
  }
  const unknown: UnknownVariable[] = []
  messages.forEach((m, messageIndex) => {
    for (const name of templateVariables(m.content)) {
      if (!known.has(name) && !isReservedVariable(name)) unknown.push({ name, messageIndex, role: m.role })
    }
  })
  return unknown
}

/** Refuses unknown variables unless the caller chose "save anyway". Call after checkMessages. */
export function checkVariables(
  repos: Repos,
  promptId: string | null,
  messages: readonly PromptMessage[],
  allowNewVariables: boolean,
): void {
  if (allowNewVariables) return
  const unknown = findUnknownVariables(repos, promptId, messages)
  if (unknown.length === 0) return
  const list = unknown.map((u) => `{{${u.name}}} in message ${u.messageIndex + 1} (${u.role})`).join(', ')
  const [subject, them] = unknown.length === 1 ? ['variable', 'it'] : ['variables', 'them']
  throw new AppError(
    'INVALID_INPUT',
    `Unknown ${subject} ${list}: no earlier version uses ${them} and no dataset provides ${them}. ` +
      `${keyAdvice(unknown)}Fix the name, or save anyway to introduce a new variable.`,
    { unknownVariables: unknown, allowWith: 'allowNewVariables' },
  )
}

/**
 * An import maps a column named like `id` or `case_id` to the case key, not to a variable: a prompt that
 * asks for {{id}} most likely means the key, which a template reads as {{case.key}}.
 */
function keyAdvice(unknown: readonly UnknownVariable[]): string {
  const names = [...new Set(unknown.map((u) => u.name).filter(isKeyColumnName))]
  if (names.length === 0) return ''
  const shown = names.map((n) => `{{${n}}}`).join(', ')
  return (
    `A column named like ${shown} becomes the case key on import, not a variable: ` +
    `write {{${caseKeyVariable}}} for the case key. `
  )
}

import Mustache from 'mustache'
import {
  CONVERSATION_PLACEHOLDER_ROLE,
  type ChatMessage,
  type ConversationTurn,
} from '../../../../shared/domain/conversation'
import type { PromptMessage } from '../../../../shared/domain/prompts'
import { caseKeyVariable, caseNamespace } from '../../../../shared/domain/template-names'
import { brokenTagStart } from './template-errors'

/** A template problem in one message; `messageIndex` is 0-based, messages shown to people count from 1. */
export interface TemplateIssue {
  messageIndex: number
  message: string
}

export interface MessageVariables {
  messageIndex: number
  variables: string[]
}

export interface TemplateAnalysis {
  /** Every variable the messages use, in order of first appearance. */
  variables: string[]
  perMessage: MessageVariables[]
  errors: TemplateIssue[]
}

type Spans = ReturnType<typeof Mustache.parse>
type Span = Spans[number]

// Always the default delimiters, whatever a library user may have set on the global Mustache.tags.
const tags: [string, string] = ['{{', '}}']

class TemplateSyntaxError extends Error {}

/**
 * Variables one template uses: plain, `&` and triple-brace names and section names (`#`, `^`).
 * Dotted names count by their first segment, which is the key a caller has to supply; the reserved
 * `{{case.key}}` counts by its whole name (the case supplies it, not a variable).
 * Throws TemplateSyntaxError with the library's message and the line and column where the broken tag starts.
 */
export function templateVariables(content: string): string[] {
  let spans: Spans
  try {
    spans = Mustache.parse(content, tags)
  } catch (error) {
    throw libraryError(content, error)
  }
  const found: string[] = []
  collect(spans, content, found)
  return unique(found)
}

function collect(spans: Spans, content: string, found: string[]): void {
  for (const span of spans) {
    const [type, value, start] = span
    if (type === 'text' || type === '!') continue
    if (type === '>') {
      throw syntax(`Partials ({{> ${value}}}) are not supported: paste the text in instead`, content, start)
    }
    if (type === '=') {
      throw syntax(`Changing delimiters ({{=${value}=}}) is not supported: keep {{ }}`, content, start)
    }
    if (value.trim() === '') throw syntax('Empty tag {{ }}: put a variable name inside', content, start)
    // The library reads "{{subject}\n{{body}}" as one tag named "subject}\n{{body": a brace is missing.
    if (/[\s{}]/.test(value)) {
      const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
      throw syntax(`Tag name ${shown} contains a brace or space: is a "}" missing?`, content, start)
    }
    if (value !== '.') found.push(variableOf(value, content, start))
    const children = sectionChildren(span)
    if (children) collect(children, content, found)
  }
}

/** The name a caller supplies for a tag: its first segment, or the reserved `case.key` as a whole. */
function variableOf(tag: string, content: string, start: number): string {
  const [root = tag, ...rest] = tag.split('.')
  if (root !== caseNamespace || rest.length === 0) return root
  if (tag === caseKeyVariable) return tag
  throw syntax(`{{${tag}}}: a case offers only {{${caseKeyVariable}}}, its key`, content, start)
}

function sectionChildren(span: Span): Spans | null {
  const inner = span[4]
  return (span[0] === '#' || span[0] === '^') && Array.isArray(inner) ? inner : null
}

/** The library's message, placed where the broken tag starts rather than where the library gave up. */
function libraryError(content: string, error: unknown): TemplateSyntaxError {
  const message = error instanceof Error ? error.message : String(error)
  const at = /\s+at (\d+)$/.exec(message)
  if (!at?.[1]) return new TemplateSyntaxError(message)
  const start = brokenTagStart(content, message) ?? Number(at[1])
  return syntax(message.slice(0, at.index), content, start)
}

function syntax(message: string, content: string, position: number): TemplateSyntaxError {
  return new TemplateSyntaxError(`${message} at ${position} (${lineColumn(content, position)})`)
}

/** "line L, column C" (both from 1) of a 0-based character position, for error messages. */
export function lineColumn(content: string, position: number): string {
  const before = content.slice(0, position).split('\n')
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`
}

/** Checks every message; a broken one is reported and skipped, the others still count. */
export function analyzeMessages(messages: readonly PromptMessage[]): TemplateAnalysis {
  const perMessage: MessageVariables[] = []
  const errors: TemplateIssue[] = []
  messages.forEach((m, messageIndex) => {
    try {
      perMessage.push({ messageIndex, variables: templateVariables(m.content) })
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error
      errors.push({ messageIndex, message: error.message })
    }
  })
  return { variables: unique(perMessage.flatMap((m) => m.variables)), perMessage, errors }
}

export interface RenderResult {
  /** As sent: the placeholder replaced by the case's turns (or dropped when the case has none). */
  messages: ChatMessage[]
  variables: string[]
  /** Used by a template but not supplied. */
  missing: string[]
  /** Supplied but used by no template. */
  unused: string[]
  errors: TemplateIssue[]
}

/** What fills a template: a case's variables and its key (null where there is no case, e.g. typed values). */
export interface TemplateValues {
  vars: Readonly<Record<string, string>>
  key: string | null
  /** A conversation case's turns; variables are filled inside each turn too. */
  conversation?: readonly ConversationTurn[] | undefined
}

/**
 * Fills the templates with HTML escaping off: prompts are not HTML, and `&` or `<` in a ticket must reach
 * the model as written. A message with a syntax error is returned as written. Every render goes through
 * here (runs, estimates, preview, bundle and production imports), so `{{case.key}}` reads the same everywhere.
 */
export function renderMessages(messages: readonly PromptMessage[], values: TemplateValues): RenderResult {
  const analysis = analyzeMessages(messages)
  const broken = new Set(analysis.errors.map((e) => e.messageIndex))
  const turns = (values.conversation ?? []).map((t) => renderTurn(t, values))
  const hasPlaceholder = messages.some((m) => m.role === CONVERSATION_PLACEHOLDER_ROLE)
  const rendered: ChatMessage[] = messages.flatMap((m, i): ChatMessage[] => {
    if (m.role === CONVERSATION_PLACEHOLDER_ROLE) return turns
    return [{ role: m.role, content: broken.has(i) ? m.content : renderTemplate(m.content, values) }]
  })
  // A version without a placeholder still sends a conversation case's turns: after its own messages.
  if (!hasPlaceholder) rendered.push(...turns)
  const variables = unique([...analysis.variables, ...turnVariables(values.conversation ?? [])])
  const supplied = Object.keys(values.vars)
  const isSupplied = (v: string) =>
    v === caseKeyVariable ? values.key !== null : Object.hasOwn(values.vars, v)
  return {
    messages: rendered,
    variables,
    missing: variables.filter((v) => !isSupplied(v)),
    unused: supplied.filter((v) => !variables.includes(v)),
    errors: analysis.errors,
  }
}

/**
 * The variables a case's turns use, after the version's own: a turn's `{{order}}` the case does not supply
 * renders empty like a message's, so it must show as missing too. A broken turn (sent as written) uses none.
 */
function turnVariables(turns: readonly ConversationTurn[]): string[] {
  return turns.flatMap((t) => {
    try {
      return templateVariables(t.content)
    } catch (error) {
      if (error instanceof TemplateSyntaxError) return []
      throw error
    }
  })
}

/** A turn with a syntax error in it is sent as written, like a broken message. */
function renderTurn(turn: ConversationTurn, values: TemplateValues): ChatMessage {
  try {
    return { role: turn.role, content: renderTemplate(turn.content, values) }
  } catch {
    return { role: turn.role, content: turn.content }
  }
}

/**
 * The case's own values sit in a parent context: a dataset variable that happens to be named `case`
 * still fills `{{case}}`, and `{{case.key}}` (which a text value cannot answer) falls through to the key.
 */
export function renderTemplate(content: string, values: TemplateValues): string {
  const reserved = new Mustache.Context(values.key === null ? {} : { [caseNamespace]: { key: values.key } })
  const view = new Mustache.Context(values.vars, reserved)
  return Mustache.render(content, view, {}, { tags, escape: (s: string) => s })
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}

import type { ToolCall } from '../../../../../shared/domain/conversation'
import { isObject, type Json, type RecordFields } from './fields'

/** A call as one format reads it, before the prompt's versions, language and tags are applied. */
export interface RawCall {
  externalId: string | null
  at: string | null
  /** From the entry itself (Langfuse promptVersion, a version column); metadata is looked at later. */
  promptVersion: number | null
  model: string | null
  /** Template variables when the log has them. */
  vars: Record<string, string> | null
  /** The last user message (or the input text) for logs without variables. */
  input: string | null
  output: string | null
  /** The answer's tool calls (OpenAI-shaped logs); empty when it called none or the format has none. */
  toolCalls: ToolCall[]
  error: string | null
  inputTokens: number | null
  outputTokens: number | null
  costUsd: number | null
  latencyMs: number | null
  /** Metadata / properties / extra columns: where the version, variables and tags come from. */
  meta: Json
}

export type FormatReader = (fields: RecordFields) => RawCall

/** ISO text, "2026-11-20 09:14:03" (read as UTC), or epoch seconds / milliseconds. */
export function isoTime(fields: RecordFields, ...paths: string[]): string | null {
  const found = fields.first(...paths)
  if (!found) return null
  const { value } = found
  const date =
    typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value))
      ? epochDate(Number(value))
      : typeof value === 'string'
        ? textDate(value)
        : new Date(NaN)
  if (Number.isNaN(date.getTime())) fields.fail(found.path, `not a date and time: ${JSON.stringify(value)}`)
  return date.toISOString()
}

/** Below 10^11 a number is seconds (until the year 5138), above it milliseconds. */
function epochDate(n: number): Date {
  return new Date(n < 1e11 ? n * 1000 : n)
}

function textDate(text: string): Date {
  const trimmed = text.trim()
  const hasZone = /(z|[+-]\d\d:?\d\d)$/i.test(trimmed)
  const isoLike = trimmed.replace(' ', 'T')
  return new Date(hasZone || !/\d:\d/.test(trimmed) ? isoLike : `${isoLike}Z`)
}

/** Values of an object as text: template variables are strings, whatever the log stored them as. */
export function stringRecord(value: unknown): Record<string, string> | null {
  if (!isObject(value)) return null
  const entries = Object.entries(value)
    .filter(([key, v]) => key !== '' && v !== null && v !== undefined)
    .map(([key, v]) => [key, typeof v === 'string' ? v : JSON.stringify(v)] as const)
  return entries.length > 0 ? Object.fromEntries(entries) : null
}

/** Integer token counts: a log that says 412.0 means 412. */
export function tokens(n: number | null): number | null {
  return n === null ? null : Math.round(n)
}

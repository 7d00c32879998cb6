import type { DatasetCase } from '../../../../../shared/domain/datasets'
import { callText, detectLanguage } from '../language'

/** What drift looks at in one case: its input text's length, language and segment/channel tags. */
export interface CaseProfile {
  case: DatasetCase
  text: string
  length: number
  /** ISO 639-1 code, or 'und' when undetermined. */
  language: string
  /** prefix ("segment:", "channel:") → the case's tag with that prefix, e.g. "segment:enterprise". */
  tags: Map<string, string>
}

export const tagPrefixes = ['segment:', 'channel:'] as const

/** The language is the case's lang: tag when it has one (curated labels beat a guess), else detected. */
export function profileCase(c: DatasetCase): CaseProfile {
  const text = callText(c.vars)
  const langTag = c.tags.find((t) => t.startsWith('lang:'))
  const tags = new Map<string, string>()
  for (const prefix of tagPrefixes) {
    const tag = c.tags.find((t) => t.startsWith(prefix))
    if (tag) tags.set(prefix, tag)
  }
  return {
    case: c,
    text,
    length: text.length,
    language: langTag ? langTag.slice('lang:'.length) : detectLanguage(text),
    tags,
  }
}

/** key → share of the cases with that key (cases without one count in the denominator only). */
export function shares(keys: readonly (string | undefined)[]): Map<string, number> {
  const counts = countKeys(keys)
  return new Map([...counts].map(([key, n]) => [key, keys.length > 0 ? n / keys.length : 0]))
}

export function countKeys(keys: readonly (string | undefined)[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const key of keys) if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

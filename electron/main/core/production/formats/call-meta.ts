import type { Json, RecordFields } from './fields'
import { stringRecord } from './raw-call'

const VERSION_KEYS = ['prompt_version', 'version']
const SEGMENT_KEYS = new Set(['customer_tier', 'segment', 'tier'])
/** Not tags: what identifies a call, a user or a trace says nothing about the input's distribution. */
const NOT_TAGS = /(^|_)(id|ids|key|token|email)$|^(variables|vars|prompt_name|prompt_version|version)$/
const MAX_OTHER_TAGS = 10
const MAX_TAG_LENGTH = 200

const normalKey = (key: string): string => key.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()

/** The version number the metadata names, if any ("4", 4 or "v4"). */
export function metaVersion(f: RecordFields, meta: Json): number | null {
  const entry = Object.entries(meta).find(([key]) => VERSION_KEYS.includes(normalKey(key)))
  if (!entry || entry[1] === null || entry[1] === undefined || entry[1] === '') return null
  const [key, value] = entry
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : ''
  const match = /^v?(\d+)$/i.exec(text)
  const n = match ? Number(match[1]) : NaN
  if (!Number.isInteger(n) || n < 1) {
    f.fail(`metadata.${key}`, `not a prompt version number: ${JSON.stringify(value)}`)
  }
  return n
}

export function metaVariables(meta: Json): Record<string, string> | null {
  return stringRecord(meta.variables) ?? stringRecord(meta.vars)
}

/** "segment:<tier>", "channel:<v>" and up to ten other "<key>:<v>" tags from scalar metadata. */
export function metaTags(meta: Json): string[] {
  const tags: string[] = []
  let others = 0
  for (const [rawKey, value] of Object.entries(meta)) {
    const text = scalarText(value)
    if (text === null) continue
    const key = normalKey(rawKey)
    if (SEGMENT_KEYS.has(key)) tags.push(tag('segment', text))
    else if (key === 'channel') tags.push(tag('channel', text))
    else if (!NOT_TAGS.test(key) && others < MAX_OTHER_TAGS) {
      tags.push(tag(key, text))
      others += 1
    }
  }
  return [...new Set(tags)]
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

function tag(key: string, value: string): string {
  return `${key}:${value}`.slice(0, MAX_TAG_LENGTH)
}

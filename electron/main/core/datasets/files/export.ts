import { stringify } from 'csv-stringify/sync'
import { canonicalJson } from '../../../../../shared/lib/canonical-json'
import {
  CONVERSATION_COLUMN,
  EXPECTED_JSON_PREFIX,
  EXPECTED_OUTPUT_COLUMN,
  EXPECTED_PREFIX,
  KEY_COLUMN,
  NOTES_COLUMN,
  TAGS_COLUMN,
  TAGS_JSON_COLUMN,
  TAG_SEPARATOR,
  TOOL_RESULTS_COLUMN,
  VAR_PREFIX,
  neutraliseFormula,
} from './layout'
import type { ImportedCase } from './table'

export type ExportCase = ImportedCase

export interface CsvExportOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads the file as UTF-8 (default true). */
  bom?: boolean
}

/** The cases cannot be written in the CSV layout without losing something (two var names differing by case...). */
export class CsvExportError extends Error {
  override name = 'CsvExportError'
}

interface Layout {
  vars: string[]
  expected: { name: string; json: boolean }[]
  tagsJson: boolean
  /** Written only when some case has one, so a single-turn dataset exports exactly as before. */
  conversation: boolean
  toolResults: boolean
}

/**
 * Cases → CSV in Eval Lab's layout (layout.ts), every value whole. Cells a spreadsheet would run as a formula
 * get a leading `'`; an empty string is written `""` and a missing value as an empty cell, so importing the
 * file gives back exactly these cases. CRLF line ends (RFC 4180), a trailing line end.
 */
export function toCsv(cases: readonly ExportCase[], options: CsvExportOptions = {}): string {
  const layout = layoutOf(cases)
  const header = [
    KEY_COLUMN,
    ...layout.vars.map((n) => VAR_PREFIX + n),
    ...layout.expected.map((e) => (e.json ? EXPECTED_JSON_PREFIX : EXPECTED_PREFIX) + e.name),
    ...(layout.conversation ? [CONVERSATION_COLUMN] : []),
    ...(layout.toolResults ? [TOOL_RESULTS_COLUMN] : []),
    EXPECTED_OUTPUT_COLUMN,
    layout.tagsJson ? TAGS_JSON_COLUMN : TAGS_COLUMN,
    NOTES_COLUMN,
  ]
  checkHeader(header, layout)
  const records = cases.map((c) => {
    const record = toRecord(c, layout)
    refuseNul(c.key, record, header)
    return record.map((cell) => (cell === null ? null : neutraliseFormula(cell)))
  })
  const body = stringify([header, ...records], {
    record_delimiter: '\r\n',
    // With an explicit record delimiter csv-stringify stops quoting lone CR and LF unless told to.
    quote_record_delimiter: true,
    quoted_match: [/^$/],
  })
  return (options.bom ?? true) ? `\uFEFF${body}` : body
}

/**
 * Cases → JSON Lines: one `{ key, vars, expected, expectedOutput, tags, notes }` object per line in that order,
 * then `messages` and `tool_results` on a conversation case; nested keys sorted, LF line ends and a trailing one.
 */
export function toJsonl(cases: readonly ExportCase[]): string {
  return cases
    .map(
      (c) =>
        `{"key":${JSON.stringify(c.key)},"vars":${canonicalJson(c.vars)},"expected":${canonicalJson(c.expected)},` +
        `"expectedOutput":${JSON.stringify(c.expectedOutput)},"tags":${JSON.stringify(c.tags)},` +
        `"notes":${JSON.stringify(c.notes)}${conversationFields(c)}}\n`,
    )
    .join('')
}

function conversationFields(c: ExportCase): string {
  const turns = c.conversation === undefined ? '' : `,"messages":${canonicalJson(c.conversation)}`
  const results = c.toolResults === undefined ? '' : `,"tool_results":${canonicalJson(c.toolResults)}`
  return turns + results
}

function layoutOf(cases: readonly ExportCase[]): Layout {
  const vars = new Set<string>()
  const expected = new Map<string, boolean>()
  let tagsJson = false
  let conversation = false
  let toolResults = false
  for (const c of cases) {
    conversation ||= c.conversation !== undefined
    toolResults ||= c.toolResults !== undefined
    for (const name of Object.keys(c.vars)) vars.add(name)
    for (const [name, value] of Object.entries(c.expected)) {
      expected.set(name, (expected.get(name) ?? false) || typeof value !== 'string')
    }
    tagsJson ||= c.tags.some((t) => t.includes(TAG_SEPARATOR) || t !== t.trim() || t === '')
  }
  return {
    vars: [...vars],
    expected: [...expected].map(([name, json]) => ({ name, json })),
    tagsJson,
    conversation,
    toolResults,
  }
}

function toRecord(c: ExportCase, layout: Layout): (string | null)[] {
  return [
    c.key,
    ...layout.vars.map((name) => (Object.hasOwn(c.vars, name) ? (c.vars[name] ?? null) : null)),
    ...layout.expected.map(({ name, json }) => {
      if (!Object.hasOwn(c.expected, name)) return null
      const value = c.expected[name]
      return json ? JSON.stringify(value ?? null) : String(value)
    }),
    ...(layout.conversation ? [jsonCell(c.conversation)] : []),
    ...(layout.toolResults ? [jsonCell(c.toolResults)] : []),
    c.expectedOutput,
    layout.tagsJson ? JSON.stringify(c.tags) : c.tags.join(TAG_SEPARATOR),
    c.notes,
  ]
}

/** A case without one gets an empty cell (no value), never `[]`. */
const jsonCell = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value))

/**
 * U+0000 cannot travel in a CSV file: spreadsheets cut the cell there and importers (ours included) take a
 * NUL byte for a binary file. JSON Lines writes it as `\u0000`, so that is the format to use.
 */
function refuseNul(key: string, record: readonly (string | null)[], header: readonly string[]): void {
  const at = record.findIndex((cell) => cell?.includes('\u0000') === true)
  if (at === -1) return
  throw new CsvExportError(
    `case ${JSON.stringify(key)}, column ${JSON.stringify(header[at] ?? '')}: the value holds the character ` +
      'U+0000 (NUL), which a CSV file cannot carry (spreadsheets cut the cell there and CSV readers refuse it)',
  )
}

/** Names the importer could not read back the same: blank, padded with spaces, or equal ignoring case. */
function checkHeader(header: string[], layout: Layout): void {
  const names = [...layout.vars, ...layout.expected.map((e) => e.name)]
  const odd = names.find((n) => n.trim() === '' || n !== n.trim())
  if (odd !== undefined) {
    throw new CsvExportError(
      `cannot write the name ${JSON.stringify(odd)} as a CSV column: it is blank or padded`,
    )
  }
  const seen = new Map<string, string>()
  for (const column of header) {
    const clash = seen.get(column.toLowerCase())
    if (clash !== undefined) {
      throw new CsvExportError(
        `the columns ${JSON.stringify(clash)} and ${JSON.stringify(column)} differ only by case`,
      )
    }
    seen.set(column.toLowerCase(), column)
  }
}

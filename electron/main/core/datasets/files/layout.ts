/**
 * Eval Lab's own file layouts, shared by the exporter and the importers so that export → import gives back
 * the same cases.
 *
 * CSV: `key`, `vars.<name>`…, `expected.<name>`… (text), `expected_json.<name>`… (any JSON value, encoded),
 * then, only when a case has them, `conversation` (the turns as JSON) and `tool_results` (the canned tool results
 * as JSON), `expected_output`, `tags` (joined by `|`) or `tags_json` (a JSON array, when a tag contains `|`), `notes`.
 * An empty unquoted cell means "no value" (a var or expected field the case does not have, a null expected
 * output); a quoted empty cell `""` is the empty string. Cells that a spreadsheet would run as a formula are
 * written with a leading `'` (see neutraliseFormula); the importer removes it again, but only for a file whose
 * header is exactly this layout: in any other CSV a leading `'` is data and is kept.
 *
 * JSONL: one `{ key, vars, expected, expectedOutput, tags, notes }` object per line, plus `messages` (the turns)
 * and `tool_results` on a conversation case (a results export adds `result`).
 */

export const KEY_COLUMN = 'key'
export const VAR_PREFIX = 'vars.'
export const EXPECTED_PREFIX = 'expected.'
export const EXPECTED_JSON_PREFIX = 'expected_json.'
export const EXPECTED_OUTPUT_COLUMN = 'expected_output'
export const TAGS_COLUMN = 'tags'
export const TAGS_JSON_COLUMN = 'tags_json'
export const NOTES_COLUMN = 'notes'
export const TAG_SEPARATOR = '|'
export const CONVERSATION_COLUMN = 'conversation'
export const TOOL_RESULTS_COLUMN = 'tool_results'
/** The JSONL fields of a conversation case: the name chat datasets (OpenAI's among them) use for turns. */
export const JSONL_CONVERSATION_FIELD = 'messages'
export const JSONL_TOOL_RESULTS_FIELD = 'tool_results'

const PREFIXES = [VAR_PREFIX, EXPECTED_PREFIX, EXPECTED_JSON_PREFIX]
const CONVERSATION_COLUMNS: readonly string[] = [CONVERSATION_COLUMN, TOOL_RESULTS_COLUMN]

/** True when the header is exactly the CSV layout toCsv writes. */
export function isEvalLabCsvHeader(columns: readonly string[]): boolean {
  if (columns.length < 4 || columns[0] !== KEY_COLUMN) return false
  const [output, tags, notes] = columns.slice(-3)
  if (output !== EXPECTED_OUTPUT_COLUMN || notes !== NOTES_COLUMN) return false
  if (tags !== TAGS_COLUMN && tags !== TAGS_JSON_COLUMN) return false
  return columns
    .slice(1, -3)
    .every(
      (c) =>
        CONVERSATION_COLUMNS.includes(c) ||
        PREFIXES.some((prefix) => c.startsWith(prefix) && c.length > prefix.length),
    )
}

export const JSONL_FIELDS = [
  'key',
  'vars',
  'expected',
  'expectedOutput',
  'tags',
  'notes',
  JSONL_CONVERSATION_FIELD,
  JSONL_TOOL_RESULTS_FIELD,
] as const

/** A run's results export (JSONL) adds the result to each case's line; importing it as a dataset leaves it out. */
export const JSONL_RESULT_FIELD = 'result'

/**
 * True when every JSONL object uses only our exports' fields (dataset or results), and at least `vars` or
 * `messages` (a chat case may have no variables).
 */
export function isEvalLabJsonlColumns(columns: readonly string[]): boolean {
  const known: readonly string[] = [...JSONL_FIELDS, JSONL_RESULT_FIELD]
  const input = columns.includes('vars') || columns.includes(JSONL_CONVERSATION_FIELD)
  return input && columns.every((c) => known.includes(c))
}

// One rule for every CSV the app writes (datasets, chart data, run results): see shared/lib/spreadsheet-cell.ts.
export { neutraliseFormula, restoreFormula } from '../../../../../shared/lib/spreadsheet-cell'

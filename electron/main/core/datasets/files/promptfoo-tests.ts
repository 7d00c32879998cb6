import { promptfooConversation, PROMPTFOO_CONVERSATION_VAR } from './promptfoo-conversation'
import {
  CONVERSATION_COLUMN,
  EXPECTED_JSON_PREFIX,
  EXPECTED_OUTPUT_COLUMN,
  NOTES_COLUMN,
  TAGS_JSON_COLUMN,
  VAR_PREFIX,
} from './layout'
import { fromEntries, type FileFormat, type FileIssue, type ParsedRow, type ParsedTable } from './table'
import { ColumnSet, describeType, findOversized, isPlainObject, scalarText, tooLongMessage } from './values'

/** Keys a promptfoo test case may have (https://www.promptfoo.dev/docs/configuration/test-cases/). */
const TEST_KEYS = [
  'vars',
  'assert',
  'description',
  'metadata',
  'options',
  'threshold',
  'provider',
  'providerOutput',
]

export const ASSERTIONS_COLUMN = `${EXPECTED_JSON_PREFIX}assertions`
/** A test's own `threshold` (promptfoo passes the test when its weighted score reaches it). */
export const ASSERTIONS_THRESHOLD_COLUMN = `${EXPECTED_JSON_PREFIX}assertions_threshold`

export interface TestDefaults {
  vars?: Record<string, unknown>
  assert?: unknown[]
  threshold?: unknown
}

export interface SourceTest {
  row: number
  line: number
  test: unknown
}

type Problem = { column?: string; message: string; limit?: boolean; turn?: number }

/** JSON objects whose keys are all promptfoo test keys, `vars` among them. */
export function isPromptfooColumns(columns: readonly string[]): boolean {
  return columns.includes('vars') && columns.every((c) => TEST_KEYS.includes(c))
}

/**
 * promptfoo tests → a table in Eval Lab's column names: `vars.<name>` per var, `expected_output` from the first
 * `equals` assertion with a text value, `expected_json.assertions` for every assertion (that `equals` included,
 * kept whole, for the promptfoo assertions scorer), `expected_json.assertions_threshold` from the test's
 * `threshold` (the defaultTest's when the test has none), `tags_json` from metadata (`key:value`; a `tags` list as plain tags), `notes` from the description,
 * `conversation` from `vars._conversation` (see promptfoo-conversation.ts).
 * Defaults (a config's `defaultTest`) come first and each test overrides them.
 */
export function testsToTable(
  file: string,
  format: FileFormat,
  tests: SourceTest[],
  defaults: TestDefaults,
  maxFieldChars: number,
): ParsedTable {
  const rows: ParsedRow[] = []
  const issues: FileIssue[] = []
  const varColumns = new ColumnSet()
  let anyAssertions = false
  let anyThreshold = false
  let anyConversation = false
  for (const source of tests) {
    const result = testToValues(source.test, defaults, maxFieldChars)
    if (Array.isArray(result)) {
      issues.push(...result.map((p) => ({ file, row: source.row, line: source.line, ...p })))
      continue
    }
    varColumns.add(Object.keys(result).filter((c) => c.startsWith(VAR_PREFIX)))
    anyAssertions ||= ASSERTIONS_COLUMN in result
    anyThreshold ||= ASSERTIONS_THRESHOLD_COLUMN in result
    anyConversation ||= CONVERSATION_COLUMN in result
    rows.push({ row: source.row, line: source.line, values: result })
  }
  const fixed = [
    ...(anyConversation ? [CONVERSATION_COLUMN] : []),
    EXPECTED_OUTPUT_COLUMN,
    ...(anyAssertions ? [ASSERTIONS_COLUMN] : []),
    ...(anyThreshold ? [ASSERTIONS_THRESHOLD_COLUMN] : []),
    TAGS_JSON_COLUMN,
    NOTES_COLUMN,
  ]
  return { file, format, layout: 'promptfoo', columns: [...varColumns.list(), ...fixed], rows, issues }
}

function testToValues(
  test: unknown,
  defaults: TestDefaults,
  maxFieldChars: number,
): Record<string, unknown> | Problem[] {
  if (!isPlainObject(test))
    return [{ message: `the test is ${describeType(test)}; expected an object with vars` }]
  const vars = readVars(test.vars, defaults.vars ?? {})
  const asserts = readAsserts(test.assert, defaults.assert ?? [])
  const tags = readMetadata(test.metadata)
  const notes = test.description === undefined ? '' : scalarText(test.description)
  const threshold = readThreshold(test.threshold ?? defaults.threshold)
  const problems = [...vars.problems, ...asserts.problems, ...tags.problems, ...threshold.problems]
  if (notes === undefined) problems.push({ column: 'description', message: 'the description is not text' })
  if (problems.length > 0 || notes === undefined) return problems
  const values = fromEntries<unknown>([
    ...vars.entries,
    [EXPECTED_OUTPUT_COLUMN, asserts.expectedOutput],
    ...(asserts.assertions.length > 0 ? [[ASSERTIONS_COLUMN, asserts.assertions] as const] : []),
    ...(threshold.value === undefined ? [] : [[ASSERTIONS_THRESHOLD_COLUMN, threshold.value] as const]),
    [TAGS_JSON_COLUMN, tags.tags],
    [NOTES_COLUMN, notes],
  ])
  const oversized = findOversized(values, maxFieldChars)
  if (oversized) {
    const message = tooLongMessage('a value', oversized.length, maxFieldChars)
    return [{ column: oversized.column, message, limit: true }]
  }
  return values
}

function readVars(raw: unknown, defaults: Record<string, unknown>) {
  const entries: (readonly [string, unknown])[] = []
  const problems: Problem[] = []
  if (raw !== undefined && raw !== null && !isPlainObject(raw)) {
    const hint = typeof raw === 'string' ? ' (vars loaded from a file are not supported)' : ''
    return {
      entries,
      problems: [{ column: 'vars', message: `vars is ${describeType(raw)}; expected an object${hint}` }],
    }
  }
  for (const [name, value] of Object.entries({ ...defaults, ...(raw ?? {}) })) {
    const column = `${VAR_PREFIX}${name}`
    if (name === PROMPTFOO_CONVERSATION_VAR) {
      const turns = promptfooConversation(value)
      if ('problem' in turns) problems.push({ column, ...turns.problem })
      else if (turns.value !== null) entries.push([CONVERSATION_COLUMN, turns.value])
      continue
    }
    const text = scalarText(value)
    if (text !== undefined) entries.push([column, text])
    else if (Array.isArray(value)) {
      const message =
        `wrong type: var "${name}" is a list (promptfoo expands lists into several tests); ` +
        'Eval Lab needs one text value'
      problems.push({ column, message })
    } else
      problems.push({ column, message: `wrong type: var "${name}" is ${describeType(value)}; expected text` })
  }
  return { entries, problems }
}

function readAsserts(raw: unknown, defaults: unknown[]) {
  const problems: Problem[] = []
  let expectedOutput: string | null = null
  const assertions: Record<string, unknown>[] = []
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
    problems.push({
      column: 'assert',
      message: `assert is ${describeType(raw)}; expected a list of assertions`,
    })
    return { expectedOutput, assertions, problems }
  }
  const own: unknown[] = Array.isArray(raw) ? raw : []
  for (const [i, entry] of [...defaults, ...own].entries()) {
    if (!isPlainObject(entry) || typeof entry.type !== 'string') {
      problems.push({ column: 'assert', message: `assertion ${i + 1} is not an object with a "type"` })
    } else {
      // The first text `equals` is also the case's expected output (similarity rules and reviewers read it).
      if (entry.type === 'equals' && typeof entry.value === 'string' && expectedOutput === null)
        expectedOutput = entry.value
      assertions.push(entry)
    }
  }
  return { expectedOutput, assertions, problems }
}

function readThreshold(raw: unknown): { value?: number; problems: Problem[] } {
  if (raw === undefined || raw === null) return { problems: [] }
  if (typeof raw === 'number' && Number.isFinite(raw)) return { value: raw, problems: [] }
  const message = `threshold is ${describeType(raw)}; expected a number (the test's minimum weighted score)`
  return { problems: [{ column: 'threshold', message }] }
}

function readMetadata(raw: unknown) {
  const tags: string[] = []
  const problems: Problem[] = []
  if (raw === undefined || raw === null) return { tags, problems }
  if (!isPlainObject(raw)) {
    return {
      tags,
      problems: [{ column: 'metadata', message: `metadata is ${describeType(raw)}; expected an object` }],
    }
  }
  for (const [key, value] of Object.entries(raw)) {
    const items = Array.isArray(value) ? value : [value]
    for (const item of items) {
      const text = scalarText(item)
      if (text === undefined || item === null) {
        problems.push({
          column: 'metadata',
          message: `metadata "${key}" is ${describeType(value)}; expected text`,
        })
        break
      }
      tags.push(key === 'tags' ? text : `${key}:${text}`)
    }
  }
  return { tags, problems }
}

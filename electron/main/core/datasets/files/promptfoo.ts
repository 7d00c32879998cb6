import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml'
import { parseExactJson } from '../../imports/exact-json'
import { jsonErrorPosition, lineOfOffset, oneLine } from './json-errors'
import { testsToTable, type SourceTest, type TestDefaults } from './promptfoo-tests'
import { fail, type FileIssue, type ParseResult } from './table'
import { describeType, isPlainObject } from './values'

export interface PromptfooOptions {
  maxFieldChars: number
  /**
   * A .json file: it must be strict JSON. Its values are read exactly (core/imports/exact-json.ts); the YAML
   * parser is used only for line numbers.
   */
  json: boolean
  maxDepth?: number
}

/**
 * A promptfoo test file → table. Accepts a list of tests, or an object with a `tests` list (a promptfoo
 * config, whose `defaultTest` vars and assertions apply to every test). YAML or JSON.
 */
export function parsePromptfoo(file: string, text: string, options: PromptfooOptions): ParseResult {
  let exact: { value: unknown } | undefined
  if (options.json) {
    const checked = checkJson(file, text, options.maxDepth ?? 64)
    if ('issue' in checked) return fail(checked.issue)
    exact = checked
  }
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const [error] = doc.errors
  if (error) {
    const line = lines.linePos(error.pos[0]).line
    const syntax = options.json ? 'JSON' : 'YAML'
    return fail({ file, line, message: `the ${syntax} is not valid: ${firstLine(error.message)}` })
  }
  const found = findTests(file, doc, exact)
  if ('issue' in found) return fail(found.issue)
  const tests: SourceTest[] = found.items.map((item, i) => ({
    row: i + 1,
    line: lines.linePos(item.offset).line,
    test: item.value,
  }))
  if (tests.length === 0) return fail({ file, message: 'the file has no tests' })
  const hasVars = (t: SourceTest): boolean => isPlainObject(t.test) && 'vars' in t.test
  if (found.defaults.vars === undefined && !tests.some(hasVars)) {
    const message =
      'no test has "vars": expected promptfoo tests like { "vars": {...}, "assert": [...] }; ' +
      'for a plain list of rows use CSV or JSON Lines (.jsonl)'
    return fail({ file, message })
  }
  const table = testsToTable(file, 'promptfoo', tests, found.defaults, options.maxFieldChars)
  if (table.rows.length === 0) return { ok: false, issues: table.issues }
  return { ok: true, table }
}

const EXPECTED_TESTS = 'expected a list of promptfoo tests, or an object with a "tests" list'

interface FoundTests {
  items: { offset: number; value: unknown }[]
  defaults: TestDefaults
}

function findTests(
  file: string,
  doc: Document,
  exact?: { value: unknown },
): FoundTests | { issue: FileIssue } {
  const root = doc.contents
  const js: unknown = exact ? exact.value : doc.toJS()
  if (isSeq(root) && Array.isArray(js)) return { items: itemsOf(root.items, js), defaults: {} }
  if (!isMap(root) || !isPlainObject(js)) {
    return { issue: { file, message: `${EXPECTED_TESTS}; the file holds ${describeType(js)}` } }
  }
  const node = root.get('tests', true)
  if (isSeq(node) && Array.isArray(js.tests)) {
    const defaults = readDefaults(file, js.defaultTest)
    if ('issue' in defaults) return defaults
    return { items: itemsOf(node.items, js.tests), defaults }
  }
  if (isScalar(node) && typeof node.value === 'string') {
    const message = `"tests" points to another file (${node.value}); import that file instead`
    return { issue: { file, message } }
  }
  const keys = Object.keys(js).slice(0, 8).join(', ')
  const message =
    node === undefined
      ? `${EXPECTED_TESTS}; found an object with keys ${keys}`
      : `"tests" is ${describeType(js.tests)}; expected a list of tests`
  return { issue: { file, message } }
}

function itemsOf(nodes: unknown[], values: unknown[]): { offset: number; value: unknown }[] {
  return values.map((value, i) => {
    const node = nodes[i]
    const range = typeof node === 'object' && node !== null && 'range' in node ? node.range : undefined
    const offset = Array.isArray(range) && typeof range[0] === 'number' ? range[0] : 0
    return { offset, value }
  })
}

function readDefaults(file: string, raw: unknown): TestDefaults | { issue: FileIssue } {
  if (raw === undefined || raw === null) return {}
  if (!isPlainObject(raw))
    return { issue: { file, message: `defaultTest is ${describeType(raw)}; expected an object` } }
  const { vars, assert } = raw
  if (vars !== undefined && !isPlainObject(vars)) {
    return { issue: { file, message: `defaultTest.vars is ${describeType(vars)}; expected an object` } }
  }
  if (assert !== undefined && !Array.isArray(assert)) {
    return { issue: { file, message: `defaultTest.assert is ${describeType(assert)}; expected a list` } }
  }
  return { vars, assert }
}

/** Strict, exact JSON first: YAML would accept things JSON does not, and round numbers a double cannot hold. */
function checkJson(file: string, text: string, maxDepth: number): { value: unknown } | { issue: FileIssue } {
  const parsed = parseExactJson(text, maxDepth)
  if (parsed.ok) return { value: parsed.value }
  const { error } = parsed
  const message = error.kind === 'syntax' ? `the JSON is not valid: ${oneLine(error.message)}` : error.message
  const position = error.kind === 'syntax' ? jsonErrorPosition(text, error.message) : error.offset
  const limit = error.kind === 'too-deep'
  if (position === null) return { issue: { file, message, limit } }
  return { issue: { file, line: lineOfOffset(text, position), message, limit } }
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message
}

import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml'
import { AppError } from '../../../../../shared/contract'
import { parseExactJson } from '../../imports/exact-json'
import { jsonErrorPosition, lineOfOffset, oneLine } from './json-errors'
import { fileReferenceIssues, type FileReferences } from './promptfoo-refs'
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
  /** `file://` references: refused (the default) or kept as text; never read. */
  fileReferences?: FileReferences
  maxDepth?: number
}

/**
 * How many times aliases may be expanded, counted as the yaml library counts them (uses of an anchor times the
 * aliases inside it). Generous for a config whose thousands of tests each merge `<<: *defaults`; an alias bomb
 * ("billion laughs") passes it within a few levels.
 */
export const MAX_YAML_ALIAS_COUNT = 10_000

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
  // promptfoo reads YAML with js-yaml, which applies `<<` merge keys; its .json files are plain JSON.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, merge: !options.json })
  const [error] = doc.errors
  if (error) {
    const line = lines.linePos(error.pos[0]).line
    const syntax = options.json ? 'JSON' : 'YAML'
    return fail({ file, line, message: `the ${syntax} is not valid: ${firstLine(error.message)}` })
  }
  const found = findTests(file, doc, exact)
  if ('issue' in found) return fail(found.issue)
  const all: SourceTest[] = found.items.map((item, i) => ({
    row: i + 1,
    line: lines.linePos(item.offset).line,
    test: item.value,
  }))
  if (all.length === 0) return fail({ file, message: 'the file has no tests' })
  const refs = options.fileReferences === 'asText' ? null : splitFileReferences(file, all, found.defaults)
  if (refs && refs.defaults.length > 0) return { ok: false, issues: refs.defaults }
  const tests = refs ? refs.tests : all
  if (refs && tests.length === 0) return { ok: false, issues: refs.issues }
  const hasVars = (t: SourceTest): boolean => isPlainObject(t.test) && 'vars' in t.test
  if (found.defaults.vars === undefined && !all.some(hasVars)) {
    const message =
      'no test has "vars": expected promptfoo tests like { "vars": {...}, "assert": [...] }; ' +
      'for a plain list of rows use CSV or JSON Lines (.jsonl)'
    return fail({ file, message })
  }
  const built = testsToTable(file, 'promptfoo', tests, found.defaults, options.maxFieldChars)
  const issues = [...(refs?.issues ?? []), ...built.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
  const table = { ...built, issues }
  if (table.rows.length === 0) return { ok: false, issues: table.issues }
  return { ok: true, table }
}

/** Tests without `file://` references, and an issue for every reference in the others and in defaultTest. */
function splitFileReferences(file: string, tests: SourceTest[], defaults: TestDefaults) {
  const inDefaults = fileReferenceIssues({ file }, defaults, 'defaultTest')
  const issues: FileIssue[] = []
  const kept: SourceTest[] = []
  for (const source of tests) {
    const found = fileReferenceIssues({ file, row: source.row, line: source.line }, source.test)
    if (found.length > 0) issues.push(...found)
    else kept.push(source)
  }
  return { defaults: inDefaults, issues, tests: kept }
}

/** The document as plain values; an alias bomb is refused before it expands. */
function toPlain(file: string, doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT })
  } catch (error) {
    if (!(error instanceof ReferenceError) || !error.message.startsWith('Excessive alias count')) throw error
    throw new AppError(
      'LIMIT_EXCEEDED',
      `${file}: the YAML expands its aliases (*name) more than ${MAX_YAML_ALIAS_COUNT.toLocaleString('en-US')} ` +
        'times: an alias bomb would grow to an enormous document. Nothing was imported.',
      { file, limit: MAX_YAML_ALIAS_COUNT },
    )
  }
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
  const js: unknown = exact ? exact.value : toPlain(file, doc)
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
  const { vars, assert, threshold } = raw
  if (vars !== undefined && !isPlainObject(vars)) {
    return { issue: { file, message: `defaultTest.vars is ${describeType(vars)}; expected an object` } }
  }
  if (assert !== undefined && !Array.isArray(assert)) {
    return { issue: { file, message: `defaultTest.assert is ${describeType(assert)}; expected a list` } }
  }
  if (
    threshold !== undefined &&
    threshold !== null &&
    (typeof threshold !== 'number' || !Number.isFinite(threshold))
  ) {
    return {
      issue: { file, message: `defaultTest.threshold is ${describeType(threshold)}; expected a number` },
    }
  }
  return { vars, assert, threshold }
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

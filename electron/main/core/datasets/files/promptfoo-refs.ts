import type { FileIssue } from './table'
import { isPlainObject } from './values'

/**
 * What to do with a promptfoo `file://` reference (`vars: { doc: file://doc.txt }`, an assertion's
 * `value: file://check.js`): promptfoo reads that file from disk. An import never reads a file the user did
 * not pick, so by default such a test is refused; the user may choose to keep the reference as plain text.
 */
export type FileReferences = 'refuse' | 'asText'

export const FILE_REFERENCE = 'file://'

const ADVICE =
  'Eval Lab does not read files named inside an imported file: paste the content into the test, ' +
  'or import with "keep file:// references as text"'

/** Every `file://` string in a test (vars, assertions, metadata...), named by its path in the test. */
export function fileReferences(value: unknown, path: string, depth = 0): { path: string; ref: string }[] {
  if (typeof value === 'string') return value.startsWith(FILE_REFERENCE) ? [{ path, ref: value }] : []
  if (depth > 20) return []
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => fileReferences(item, `${path}[${i + 1}]`, depth + 1))
  }
  if (!isPlainObject(value)) return []
  return Object.entries(value).flatMap(([key, item]) =>
    fileReferences(item, path === '' ? key : `${path}.${key}`, depth + 1),
  )
}

/** One issue per reference, naming the test (row, line) and the field. */
export function fileReferenceIssues(
  where: Omit<FileIssue, 'message' | 'column'>,
  test: unknown,
  prefix = '',
): FileIssue[] {
  return fileReferences(test, prefix).map(({ path, ref }) => ({
    ...where,
    column: path,
    message: `${path} is a file reference (${shorten(ref)}); ${ADVICE}`,
  }))
}

function shorten(ref: string): string {
  return ref.length > 80 ? `${ref.slice(0, 77)}...` : ref
}

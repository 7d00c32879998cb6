import { expect } from 'vitest'
import {
  formatIssue,
  importDatasetFile,
  parseDatasetFile,
  type ImportRequest,
  type ParsedTable,
} from '../../../../../electron/main/core/datasets/files'

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Parses text as a file of this name and fails the test when the file is refused. */
export function parseText(fileName: string, text: string): ParsedTable {
  const result = parseDatasetFile({ fileName, bytes: utf8(text) })
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'))
  return result.table
}

/** The formatted issues of a file that must be refused (at parse or at mapping). */
export function refusal(
  fileName: string,
  text: string | Uint8Array,
  request: Partial<ImportRequest> = {},
): string[] {
  const bytes = typeof text === 'string' ? utf8(text) : text
  const result = importDatasetFile({ fileName, bytes, ...request })
  expect(result.ok, 'the file should be refused').toBe(false)
  return result.ok ? [] : result.issues.map(formatIssue)
}

/** The cases of a file that must import. */
export function imported(fileName: string, text: string | Uint8Array, request: Partial<ImportRequest> = {}) {
  const bytes = typeof text === 'string' ? utf8(text) : text
  const result = importDatasetFile({ fileName, bytes, ...request })
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'))
  return result
}

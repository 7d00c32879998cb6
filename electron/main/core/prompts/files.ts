import { z } from 'zod'
import { AppError } from '../../../../shared/contract'
import {
  promptMessageSchema,
  type PromptMessage,
  type PromptSummary,
  type PromptVersion,
} from '../../../../shared/domain/prompts'
import { promptVersionFileSchema, type PromptVersionFile } from '../../../../shared/domain/registry'
import { canonicalJsonPretty } from '../../../../shared/lib/canonical-json'
import { parseExactJson } from '../imports/exact-json'
import { DEFAULT_LIMITS } from '../imports/limits'
import { contentHash } from './hash'
import { jsonErrorPosition } from './json-position'
import { lineColumn } from './templates'

export type ParsedPromptFile =
  | { format: 'evallab'; file: PromptVersionFile }
  | { format: 'promptfoo-chat'; messages: PromptMessage[] }
  | { format: 'promptfoo-text'; messages: PromptMessage[] }

/** The file a team's application loads: sorted keys, two-space indent, LF, trailing newline. */
export function exportVersionFile(
  prompt: Pick<PromptSummary, 'name' | 'description'>,
  version: PromptVersion,
): { fileName: string; content: string } {
  const file: PromptVersionFile = {
    format: 'evallab.prompt-version',
    formatVersion: 1,
    prompt: { name: prompt.name, description: prompt.description },
    version: {
      id: version.id,
      number: version.number,
      contentHash: version.contentHash,
      messages: version.messages,
      model: version.model,
      params: version.params,
      author: version.author,
      message: version.message,
      createdAt: version.createdAt,
    },
  }
  return {
    fileName: `${slugify(prompt.name)}.v${version.number}.prompt.json`,
    content: canonicalJsonPretty(file),
  }
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug || 'prompt'
}

/**
 * Recognises our exported files and promptfoo prompt files (a JSON chat array, or plain text that is one
 * user message). Every refusal names the file and what is wrong with it.
 */
export function parsePromptFile(fileName: string, content: string): ParsedPromptFile {
  const parsed: ParsedPromptFile = /\.json$/i.test(fileName)
    ? parseJsonFile(fileName, parseJson(fileName, content))
    : { format: 'promptfoo-text', messages: [{ role: 'user', content: parseText(fileName, content) }] }
  checkMessageSizes(fileName, parsed.format === 'evallab' ? parsed.file.version.messages : parsed.messages)
  return parsed
}

/** The shared per-value limit (README, "Limits"): a message longer than it is refused, naming the message. */
function checkMessageSizes(fileName: string, messages: readonly PromptMessage[]): void {
  const max = DEFAULT_LIMITS.maxFieldChars
  messages.forEach((message, index) => {
    if (message.content.length <= max) return
    const size = (n: number): string => n.toLocaleString('en-US')
    throw new AppError(
      'LIMIT_EXCEEDED',
      `"${fileName}" message ${index + 1} is ${size(message.content.length)} characters long; the limit is ${size(max)}`,
      { fileName, message: index + 1, limit: max },
    )
  })
}

/**
 * Exact JSON (core/imports/exact-json.ts): a key given twice, nesting past the limit or a number a double
 * cannot hold is refused with its line and column, never merged, overflowed or rounded.
 */
function parseJson(fileName: string, content: string): unknown {
  const parsed = parseExactJson(content, DEFAULT_LIMITS.maxDepth)
  if (parsed.ok) {
    const [literal] = parsed.inexact
    if (literal === undefined) return parsed.value
    throw invalid(
      fileName,
      `holds the number ${literal}, which a double cannot hold exactly: write it as a string, or a shorter number`,
    )
  }
  const { error } = parsed
  if (error.kind !== 'syntax') {
    const where = error.offset === null ? '' : ` (${lineColumn(content, error.offset)})`
    const code = error.kind === 'too-deep' ? 'LIMIT_EXCEEDED' : 'INVALID_INPUT'
    throw new AppError(code, `"${fileName}" is refused${where}: ${error.message}`, { fileName })
  }
  const position = jsonErrorPosition(content)
  const where = position === null ? '' : ` (${lineColumn(content, position)})`
  throw invalid(fileName, `is not valid JSON${where}: ${error.message}`)
}

function parseJsonFile(fileName: string, value: unknown): ParsedPromptFile {
  if (Array.isArray(value)) return { format: 'promptfoo-chat', messages: parseChat(fileName, value) }
  if (value === null || typeof value !== 'object') {
    throw invalid(
      fileName,
      'holds neither an Eval Lab prompt file nor a promptfoo chat array of {role, content}',
    )
  }
  const format = (value as { format?: unknown }).format
  if (format !== 'evallab.prompt-version') {
    const seen = format === undefined ? 'no "format" field' : `format ${JSON.stringify(format)}`
    throw invalid(
      fileName,
      `has ${seen}: expected an Eval Lab prompt file (format "evallab.prompt-version") or a promptfoo chat array`,
    )
  }
  return { format: 'evallab', file: parseVersionFile(fileName, value) }
}

function parseVersionFile(fileName: string, value: unknown): PromptVersionFile {
  const parsed = promptVersionFileSchema.safeParse(value)
  if (!parsed.success)
    throw invalid(
      fileName,
      describeIssue(parsed.error, (path) => `field ${path}`),
    )
  const file = parsed.data
  const actual = contentHash(file.version)
  if (actual !== file.version.contentHash) {
    throw invalid(
      fileName,
      `field version.contentHash (${file.version.contentHash}) does not match the file's messages, model and ` +
        `params (${actual}): the file was changed after export. Export it again instead of editing it`,
      { field: 'version.contentHash', expected: file.version.contentHash, actual },
    )
  }
  return file
}

const chatSchema = z.array(promptMessageSchema).min(1, 'The chat array is empty')

function parseChat(fileName: string, value: unknown[]): PromptMessage[] {
  const parsed = chatSchema.safeParse(value)
  if (!parsed.success) {
    throw invalid(
      fileName,
      describeIssue(parsed.error, (path) => {
        const [index, ...rest] = path.split('.')
        return `message ${Number(index) + 1}${rest.length > 0 ? ` field ${rest.join('.')}` : ''}`
      }),
    )
  }
  return parsed.data
}

/** promptfoo separates several prompts in one text file with a line of `---`; we take one prompt a file. */
function parseText(fileName: string, content: string): string {
  const text = content.replace(/\r\n?/g, '\n')
  const parts = text.split(/^---[ \t]*$/m).filter((part) => part.trim() !== '')
  if (parts.length > 1) {
    throw invalid(
      fileName,
      `holds ${parts.length} prompts separated by lines of "---": import them one at a time, one prompt per file`,
    )
  }
  const prompt = (parts[0] ?? '').replace(/^\n+|\n+$/g, '')
  if (prompt.trim() === '') throw invalid(fileName, 'is empty: there is no prompt text to import')
  return prompt
}

function describeIssue(error: z.ZodError, where: (path: string) => string): string {
  const issue = error.issues[0]
  if (!issue) return 'does not have the expected shape'
  const path = issue.path.map(String).join('.')
  return path === '' ? `is invalid: ${issue.message}` : `has an invalid ${where(path)}: ${issue.message}`
}

function invalid(fileName: string, what: string, details?: unknown): AppError {
  return new AppError('INVALID_INPUT', `"${fileName}" ${what}`, details ?? { fileName })
}

import { AppError } from '../../../../shared/contract'
import type { ColumnMapping } from '../../../../shared/domain/dataset-mapping'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import { newId } from '../ids'
import { summariseProblems } from '../imports/issues'
import { auditDataset, listed, requireDataset, type DatasetContext } from './detail'
import { changedFields } from './diff'
import {
  buildImportPreview,
  formatIssue,
  generatedKey,
  importDatasetFile,
  parseDatasetFile,
  type FileIssue,
  type FileReferences,
  type ImportLimits,
  type ImportPreview,
  type ImportedCase,
} from './files'
import {
  summarisePromptfooAssertions,
  type PromptfooAssertionSummary,
} from './files/promptfoo-assertion-summary'
import { insertDataset } from './registry'

export interface ImportFile {
  fileName: string
  contentBase64: string
  excludeRows?: readonly number[] | undefined
  fileReferences?: FileReferences | undefined
}

export interface PreviewRequest extends ImportFile {
  mapping?: ColumnMapping | undefined
  knownVariables?: readonly string[] | undefined
}

/** The mapping step: columns, suggested mapping, first rows and every failing row. Reads only. */
export function previewImport(request: PreviewRequest, limits: Partial<ImportLimits> = {}): ImportPreview {
  const bytes = decodeBase64(request.fileName, request.contentBase64)
  const { fileName, fileReferences } = request
  const parsed = parseDatasetFile({ fileName, bytes, limits, fileReferences })
  if (!parsed.ok) throw refusal(parsed.issues, [])
  return buildImportPreview(parsed.table, request.mapping, {
    knownVariables: request.knownVariables,
    excludeRows: request.excludeRows,
  })
}

/** A file read, mapped and checked: every case, ready to store. */
export interface ReadyImport {
  fileName: string
  format: string
  cases: ImportedCase[]
  excluded: number[]
  /** No column is the key: every case got a `row-0001`-style key from its row number. */
  generatedKeys: boolean
}

/**
 * Decode, parse and map the whole file before any transaction starts: a file with any problem is refused
 * here with its rows and columns named, and nothing is written.
 */
export function readImport(
  request: ImportFile & { mapping: ColumnMapping },
  limits: Partial<ImportLimits> = {},
): ReadyImport {
  const bytes = decodeBase64(request.fileName, request.contentBase64)
  const outcome = importDatasetFile({
    fileName: request.fileName,
    bytes,
    limits,
    fileReferences: request.fileReferences,
    mapping: request.mapping,
    excludeRows: request.excludeRows,
  })
  if (!outcome.ok) throw refusal(outcome.issues, outcome.excluded)
  if (outcome.cases.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${outcome.table.file}: every row was excluded, so there is nothing to import`,
    )
  }
  return {
    fileName: outcome.table.file,
    format: outcome.table.format,
    cases: outcome.cases,
    excluded: outcome.excluded,
    generatedKeys: !Object.values(outcome.mapping).some((role) => role.role === 'key'),
  }
}

export type ImportTarget =
  | { kind: 'new'; name: string; description: string }
  | { kind: 'existing'; datasetId: string; mode: 'append' | 'replace' }

export interface ImportSummary {
  fileName: string
  added: number
  updated: number
  unchanged: number
  removed: number
  excludedRows: number[]
  promptfooAssertions?: PromptfooAssertionSummary
}

/** Stores a checked import; runs inside one write transaction, so the dataset gets every case or none. */
export function storeImport(ctx: DatasetContext, ready: ReadyImport, target: ImportTarget) {
  const { datasetId, counts } =
    target.kind === 'new'
      ? intoNew(ctx, ready, target)
      : target.mode === 'append'
        ? appendTo(ctx, ready, target.datasetId)
        : replaceIn(ctx, ready, target.datasetId)
  const assertions =
    ready.format === 'promptfoo'
      ? summarisePromptfooAssertions(ready.cases.map((c) => c.expected['assertions']))
      : undefined
  const summary: ImportSummary = {
    fileName: ready.fileName,
    ...counts,
    excludedRows: ready.excluded,
    ...(assertions ? { promptfooAssertions: assertions } : {}),
  }
  auditDataset(ctx, 'dataset.imported', datasetId, {
    ...summary,
    format: ready.format,
    mode: target.kind === 'new' ? 'new' : target.mode,
  })
  return { datasetId, summary }
}

type Counts = Pick<ImportSummary, 'added' | 'updated' | 'unchanged' | 'removed'>

function intoNew(ctx: DatasetContext, ready: ReadyImport, target: { name: string; description: string }) {
  const datasetId = insertDataset(ctx, target, { fileName: ready.fileName })
  insertCases(ctx, datasetId, ready.cases, 0)
  return { datasetId, counts: { added: ready.cases.length, updated: 0, unchanged: 0, removed: 0 } }
}

function appendTo(ctx: DatasetContext, ready: ReadyImport, datasetId: string) {
  const dataset = requireDataset(ctx.repos, datasetId)
  const keys = ctx.repos.datasetCases.keys(datasetId)
  // Row-number keys say nothing about the case: appended ones are numbered on from the dataset's own.
  const cases = ready.generatedKeys ? renumbered(ready.cases, keys) : ready.cases
  const clashing = cases.filter((c) => keys.has(c.key)).map((c) => c.key)
  if (clashing.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${ready.fileName}: ${clashing.length} ${clashing.length === 1 ? 'key is' : 'keys are'} already in ` +
        `"${dataset.name}": ${listed(clashing)}. Nothing was imported: replace the dataset's cases, or change the keys.`,
      { keys: clashing },
    )
  }
  insertCases(ctx, datasetId, cases, ctx.repos.datasetCases.nextPosition(datasetId))
  ctx.repos.datasets.touch(datasetId, ctx.now())
  return { datasetId, counts: { added: cases.length, updated: 0, unchanged: 0, removed: 0 } }
}

/**
 * The working copy becomes the file, in file order. A case whose key is in the file keeps its stable id, so
 * the snapshot diff shows it as edited (or unchanged) rather than removed and added again.
 */
function replaceIn(ctx: DatasetContext, ready: ReadyImport, datasetId: string) {
  requireDataset(ctx.repos, datasetId)
  const current = new Map<string, DatasetCase>(ctx.repos.datasetCases.all(datasetId).map((c) => [c.key, c]))
  const incoming = new Set(ready.cases.map((c) => c.key))
  const gone = [...current.values()].filter((c) => !incoming.has(c.key))
  ctx.repos.datasetCases.deleteMany(gone.map((c) => c.id))
  const counts: Counts = { added: 0, updated: 0, unchanged: 0, removed: gone.length }
  ready.cases.forEach((c, position) => {
    const existing = current.get(c.key)
    if (!existing) {
      ctx.repos.datasetCases.insertMany([{ ...c, id: newId('case'), datasetId, position }])
      counts.added += 1
      return
    }
    // Positions are rewritten too: the file's order is the new order.
    ctx.repos.datasetCases.update({ ...c, id: existing.id, position })
    if (changedFields(existing, c).length > 0) counts.updated += 1
    else counts.unchanged += 1
  })
  ctx.repos.datasets.touch(datasetId, ctx.now())
  return { datasetId, counts }
}

function renumbered(cases: readonly ImportedCase[], taken: ReadonlySet<string>): ImportedCase[] {
  const used = new Set(taken)
  let n = used.size + 1
  return cases.map((c) => {
    while (used.has(generatedKey(n))) n += 1
    const key = generatedKey(n)
    used.add(key)
    return { ...c, key }
  })
}

function insertCases(ctx: DatasetContext, datasetId: string, cases: readonly ImportedCase[], from: number) {
  ctx.repos.datasetCases.insertMany(
    cases.map((c, i) => ({ ...c, id: newId('case'), datasetId, position: from + i })),
  )
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** File bytes cross the boundary as base64, so UTF-16 or Latin-1 files reach the decoder untouched. */
export function decodeBase64(fileName: string, content: string): Uint8Array {
  if (content.length % 4 !== 0 || !BASE64.test(content)) {
    throw new AppError('INVALID_INPUT', `${fileName}: the file content did not arrive as valid base64`)
  }
  const buffer = Buffer.from(content, 'base64')
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

/** The first problems, each naming file, row and column, then how many more, then that nothing was stored. */
function refusal(issues: readonly FileIssue[], excluded: readonly number[]): AppError {
  const shown = summariseProblems(issues.map(formatIssue))
  const rowsFail = issues.some((issue) => issue.row !== undefined)
  shown.push(
    rowsFail
      ? 'Nothing was imported: fix these rows, change the mapping, or exclude the failing rows.'
      : 'Nothing was imported.',
  )
  const code = issues.length > 0 && issues.every((i) => i.limit) ? 'LIMIT_EXCEEDED' : 'INVALID_INPUT'
  return new AppError(code, shown.join('\n'), { issues, excludedRows: excluded })
}

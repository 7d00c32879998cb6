import { CsvError, parse } from 'csv-parse/sync'
import type { CastingFunction } from 'csv-parse/sync'
import { DELIMITERS, RECORD_DELIMITERS, detectDelimiter, headerSample, isBlankRecord } from './csv-sniff'
import { isEvalLabCsvHeader, restoreFormula } from './layout'
import { tooLongMessage } from './values'
import { fail, fromEntries, type FileIssue, type ParseResult, type ParsedRow } from './table'

export interface CsvOptions {
  maxFieldChars: number
  /** A .tsv file: prefer the tab when it splits the file consistently. */
  preferTab?: boolean
}

type Field = string | null

interface RawRecord {
  fields: Field[]
  /** The line the record starts on. */
  line: number
}

interface RowContext {
  file: string
  columns: string[]
  delimiter: string
  maxFieldChars: number
  restore: boolean
  text: string
  /** The parse told quoted empty cells from unquoted ones; without it every empty cell was unquoted. */
  cast: boolean
}

/**
 * CSV (or TSV, or ; or | separated) text → table. The first non-blank line is the header. Quoted fields may
 * span lines; line endings may be CRLF, LF or CR. Values are kept verbatim (formula-looking cells included);
 * only a file in Eval Lab's export layout gets its formula prefix removed (see layout.ts). An unquoted empty
 * cell is null (no value) and a quoted one `""` the empty string, in every file. A broken quote stops the
 * parse; a row with the wrong number of fields or an over-long value is reported and the rest read.
 */
export function parseCsv(file: string, text: string, options: CsvOptions): ParseResult {
  const delimiter = detectDelimiter(text, options.preferTab)
  const ours = isEvalLabCsvHeader(headerSample(text, delimiter))
  const read = readRecords(file, text, delimiter, mayHoldQuotedEmpty(text))
  if (!read.ok) return fail(read.issue)
  const [headerRecord, ...body] = read.records.filter((r) => !isBlankRecord(r.fields))
  if (!headerRecord) return fail({ file, message: 'the file is empty' })
  const headerIssues = checkHeader(file, headerRecord)
  if (headerIssues.length > 0) return { ok: false, issues: headerIssues }
  const columns = headerRecord.fields.map(headerName)
  if (body.length === 0) {
    return fail({ file, line: headerRecord.line, message: 'the file has a header but no rows' })
  }
  const layout = ours && isEvalLabCsvHeader(columns) ? 'evallab' : 'generic'
  const restore = layout === 'evallab'
  const context: RowContext = { file, columns, delimiter, text, ...options, restore, cast: read.cast }
  const rows: ParsedRow[] = []
  const issues: FileIssue[] = []
  body.forEach((record, i) => {
    const result = toRow(context, record, i + 1)
    if ('issue' in result) issues.push(result.issue)
    else rows.push(result)
  })
  return { ok: true, table: { file, format: 'csv', layout, columns, rows, issues } }
}

/** An empty cell that was not quoted is null, so `,,` and `,"",` stay distinguishable. */
const castEmpty: CastingFunction = (value, context) => (value === '' && !context.quoting ? null : value)

type ReadResult = { ok: true; records: RawRecord[]; cast: boolean } | { ok: false; issue: FileIssue }

/** A quoted empty cell is written `""`: a file without those two characters in a row has none. */
function mayHoldQuotedEmpty(text: string): boolean {
  return text.includes('""')
}

/**
 * Every record with the line it starts on. Telling a quoted empty cell from an unquoted one costs a cast call
 * per cell, several times the plain parse, so only a file that may hold a quoted empty cell pays for it.
 */
function readRecords(file: string, text: string, delimiter: string, distinctEmpty: boolean): ReadResult {
  const records: RawRecord[] = []
  let line = 1
  try {
    parse(Buffer.from(text, 'utf8'), {
      delimiter,
      record_delimiter: RECORD_DELIMITERS,
      relax_column_count: true,
      max_record_size: 0,
      ...(distinctEmpty ? { cast: castEmpty } : {}),
      on_record: (record) => {
        const fields = record as Field[]
        records.push({ fields, line })
        line += 1 + lineBreaks(fields)
        return null
      },
    })
  } catch (error) {
    return { ok: false, issue: parseErrorIssue(file, error, records, line) }
  }
  return { ok: true, records, cast: distinctEmpty }
}

/** Line breaks inside quoted values: each CRLF, LF or lone CR moves the next record one line down. */
function lineBreaks(fields: Field[]): number {
  let n = 0
  for (const field of fields) {
    if (field === null || (!field.includes('\n') && !field.includes('\r'))) continue
    n += field.match(/\r\n|\r|\n/g)?.length ?? 0
  }
  return n
}

function parseErrorIssue(file: string, error: unknown, records: RawRecord[], line: number): FileIssue {
  if (!(error instanceof CsvError)) throw error
  const read = records.filter((r) => !isBlankRecord(r.fields))
  const header = read[0]?.fields.map(headerName)
  const where: Omit<FileIssue, 'message'> = header ? { file, row: read.length, line } : { file, line }
  const column = header && typeof error.index === 'number' ? header[error.index] : undefined
  const at = column === undefined ? where : { ...where, column }
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { ...where, message: 'a quoted field that starts in this row is never closed (a " is missing)' }
    case 'INVALID_OPENING_QUOTE':
      return {
        ...at,
        message:
          'a quote (") inside a field that is not quoted; quote the whole field and double the " inside it',
      }
    case 'CSV_INVALID_CLOSING_QUOTE':
      return {
        ...at,
        message:
          'text follows the closing quote of a quoted field; a " inside a quoted field must be doubled ("")',
      }
    default:
      return { ...where, message: `the CSV cannot be read: ${error.message}` }
  }
}

function headerName(field: Field): string {
  return (field ?? '').trim()
}

function checkHeader(file: string, header: RawRecord): FileIssue[] {
  const names = header.fields.map(headerName)
  const issues: FileIssue[] = []
  const seen = new Map<string, number>()
  names.forEach((name, i) => {
    if (name === '') {
      issues.push({ file, line: header.line, message: `column ${i + 1} of the header has no name` })
      return
    }
    const first = seen.get(name.toLowerCase())
    if (first === undefined) {
      seen.set(name.toLowerCase(), i)
      return
    }
    const message =
      `the header names ${JSON.stringify(name)} twice (columns ${first + 1} and ${i + 1}); ` +
      'column names must be unique, ignoring case'
    issues.push({ file, line: header.line, column: name, message })
  })
  return issues
}

function toRow(context: RowContext, record: RawRecord, row: number): ParsedRow | { issue: FileIssue } {
  const { file, columns, maxFieldChars } = context
  const { fields, line } = record
  if (fields.length !== columns.length) {
    const message = `${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${columns.length}`
    return { issue: { file, row, line, message: message + raggedHint(context, fields) } }
  }
  const long = fields.findIndex((f) => f !== null && f.length > maxFieldChars)
  if (long !== -1) {
    const message = tooLongMessage('the value', fields[long]?.length ?? 0, maxFieldChars)
    return { issue: { file, row, line, column: columns[long] ?? '', message, limit: true } }
  }
  const values = fromEntries(
    columns.map((name, i) => {
      const read = fields[i] ?? null
      const field = read === '' && !context.cast ? null : read
      return [name, context.restore && field !== null ? restoreFormula(field) : field] as const
    }),
  )
  return { row, line, values }
}

/** Why a row might be ragged: another delimiter in it, or a lone carriage return in a CRLF file. */
function raggedHint(context: RowContext, fields: Field[]): string {
  const other = DELIMITERS.find((d) => d !== context.delimiter && fields.some((f) => f?.includes(d)))
  if (other !== undefined && fields.length < context.columns.length) {
    const shown = other === '\t' ? 'tab' : `"${other}"`
    return ` (it contains ${shown} while the file is separated by ${describe(context.delimiter)}: mixed delimiters?)`
  }
  if (context.text.includes('\r\n') && /\r(?!\n)/.test(context.text)) {
    return ' (the file mixes line endings: a lone carriage return (CR) ends a line among CRLF ones)'
  }
  return ''
}

function describe(delimiter: string): string {
  return delimiter === '\t' ? 'tabs' : `"${delimiter}"`
}

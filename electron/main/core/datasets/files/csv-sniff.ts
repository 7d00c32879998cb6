import { parse } from 'csv-parse/sync'

export const DELIMITERS = [',', '\t', ';', '|'] as const
export const RECORD_DELIMITERS = ['\r\n', '\n', '\r']

const SAMPLE_CHARS = 64 * 1024

interface Candidate {
  delimiter: string
  /** Share of the sampled rows with as many fields as the header. */
  consistency: number
  width: number
}

/**
 * The field delimiter among , tab ; | : the one that splits the header into more than one field and the
 * sampled rows into as many, preferring the most consistent, then the widest, then the order above (tab first
 * for .tsv files). When none splits the header the file has a single column and the delimiter does not matter.
 */
export function detectDelimiter(text: string, preferTab = false): string {
  const order: string[] = preferTab ? ['\t', ',', ';', '|'] : [...DELIMITERS]
  let best: Candidate | null = null
  for (const delimiter of order) {
    const [header, ...rows] = sampleFieldCounts(text, delimiter)
    if (header === undefined || header < 2) continue
    const consistency = rows.length === 0 ? 1 : rows.filter((n) => n === header).length / rows.length
    if (preferTab && delimiter === '\t' && consistency === 1) return delimiter
    if (
      !best ||
      consistency > best.consistency ||
      (consistency === best.consistency && header > best.width)
    ) {
      best = { delimiter, consistency, width: header }
    }
  }
  return best?.delimiter ?? ','
}

/** Field counts of the first records of the file (up to 64 KB of it), read with this delimiter. */
function sampleFieldCounts(text: string, delimiter: string): number[] {
  const cut = text.length > SAMPLE_CHARS
  const counts: number[] = []
  try {
    parse(cut ? text.slice(0, SAMPLE_CHARS) : text, {
      delimiter,
      record_delimiter: RECORD_DELIMITERS,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: 0,
      on_record: (record) => {
        if (!isBlankRecord(record)) counts.push(record.length)
        return null
      },
    })
  } catch {
    // A sample cut inside a quoted field, or a broken file: judge by the records read before it.
    return counts
  }
  return cut ? counts.slice(0, -1) : counts
}

/** A line with nothing on it but spaces. */
export function isBlankRecord(fields: readonly (string | null)[]): boolean {
  if (fields.length !== 1) return false
  const [only] = fields
  return only === null || only === undefined || only.trim() === ''
}

/** The trimmed names of the first non-blank record, or none when the start of the file does not parse. */
export function headerSample(text: string, delimiter: string): string[] {
  const records: (string | null)[][] = []
  try {
    parse(text.slice(0, SAMPLE_CHARS), {
      delimiter,
      record_delimiter: RECORD_DELIMITERS,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: 0,
      to: 3,
      on_record: (record) => {
        if (!isBlankRecord(record)) records.push(record)
        return null
      },
    })
  } catch {
    // The real parse reports it.
  }
  return (records[0] ?? []).map((name) => (name ?? '').trim())
}

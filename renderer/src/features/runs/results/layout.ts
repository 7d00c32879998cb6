import type { CSSProperties } from 'react'

/** Fixed-height rows: the virtualizer never measures, so thousands of results scroll at a steady cost. */
export const resultRowHeight = 30

export const resultColumns = [
  { id: 'case', label: 'Case', width: 180 },
  { id: 'version', label: 'Version', width: 70 },
  { id: 'model', label: 'Model', width: 170 },
  { id: 'status', label: 'Status', width: 70 },
  { id: 'latency', label: 'Latency ms', width: 86, numeric: true },
  { id: 'tokens', label: 'Tokens in/out', width: 104, numeric: true },
  { id: 'cost', label: 'Cost', width: 86, numeric: true },
  { id: 'attempts', label: 'Tries', width: 50, numeric: true },
  { id: 'text', label: 'Response or error', width: 420 },
] as const

export type ResultColumn = (typeof resultColumns)[number]

const template = resultColumns.map((c) => `${c.width}px`).join(' ')
const width = resultColumns.reduce((sum, c) => sum + c.width, 0)

/** The grid template every row shares, and the full width (narrow panes scroll sideways). */
export const resultLayout = { '--result-cols': template, width } as CSSProperties

/** The first ~80 characters on one line: what the grid shows of a response or an error. */
export function snippet(text: string | null, max = 80): string {
  if (!text) return ''
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

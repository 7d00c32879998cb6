import type { CSSProperties } from 'react'

/** Every row has this height: the virtualizer never measures, so 10,000 rows scroll at a steady cost. */
export const rowHeight = 32
export const checkWidth = 36

const widths: Record<string, number> = {
  key: 160,
  expectedOutput: 220,
  expected: 180,
  tags: 240,
  notes: 220,
}
const varWidth = 260

export function columnWidth(column: string): number {
  return widths[column] ?? varWidth
}

/** The grid template every row shares, and the table's full width (wider tables scroll sideways). */
export function tableLayout(columns: readonly string[]): { style: CSSProperties; width: number } {
  const sizes = [checkWidth, ...columns.map(columnWidth)]
  const width = sizes.reduce((a, b) => a + b, 0)
  const template = sizes.map((s) => `${s}px`).join(' ')
  return { style: { '--case-cols': template, width } as CSSProperties, width }
}

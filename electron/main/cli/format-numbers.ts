/** Number formats shared by the text table, the Markdown summary and the JUnit report. */

export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`
}

export function interval(ci: { low: number; high: number } | null): string {
  return ci === null ? '—' : `[${(ci.low * 100).toFixed(1)}, ${(ci.high * 100).toFixed(1)}]`
}

/** A gate delta's interval: the gate reports deltas already in percentage points. */
export function pointsInterval(ci: { low: number; high: number } | null): string {
  return ci === null ? '—' : `[${ci.low.toFixed(1)}, ${ci.high.toFixed(1)}]`
}

/** A gate delta (already in percentage points), signed: "+1.2 pts", "−3.0 pts". */
export function points(delta: number | null): string {
  if (delta === null) return '—'
  const value = delta
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±'
  return `${sign}${Math.abs(value).toFixed(1)} pts`
}

export function usd(value: number | null): string {
  if (value === null) return '—'
  return value < 0.01 ? `$${value.toFixed(5)}` : `$${value.toFixed(4)}`
}

export function ms(value: number | null): string {
  if (value === null) return '—'
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`
}

/** Pads columns so a table reads on a terminal. */
export function textTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

/** A Markdown table; pipes and line breaks in cells are escaped so a case key cannot break the table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
  const lines = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`)
  return lines.join('\n')
}

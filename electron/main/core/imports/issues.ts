/** How many problems an import error lists before "and N more": enough to see a pattern, short enough to read. */
export const SHOWN_PROBLEMS = 10

/**
 * The first few problems, one a line, then "…and N more problems". Every importer words its refusals with
 * this, so an error about a file with 10,000 bad rows stays a few lines long.
 */
export function summariseProblems(problems: readonly string[], shown = SHOWN_PROBLEMS): string[] {
  const first = problems.slice(0, shown)
  const more = problems.length - first.length
  if (more > 0) first.push(`…and ${more} more ${more === 1 ? 'problem' : 'problems'}`)
  return first
}

/** A name or value quoted for a message, cut to `max` characters so one huge key cannot flood it. */
export function shortQuote(text: string, max = 60): string {
  const quoted = JSON.stringify(text)
  return quoted.length > max ? `${quoted.slice(0, max - 4)}…"` : quoted
}

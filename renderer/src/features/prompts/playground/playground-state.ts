import type { PlaygroundProgress, PlaygroundSession } from '../../../../../shared/domain/playground'

/**
 * A progress event laid over the session shown: a piece of text is appended (while the cell is still
 * streaming), a cell's own state replaces it, the session's status follows. Events of another session
 * change nothing.
 */
export function applyProgress(session: PlaygroundSession, event: PlaygroundProgress): PlaygroundSession {
  if (event.sessionId !== session.id) return session
  const cells = session.cells.map((cell) => {
    if (cell.index !== event.index) return cell
    if (event.cell) return event.cell
    if (event.delta === undefined || cell.status === 'done' || cell.status === 'failed') return cell
    return { ...cell, status: 'streaming' as const, text: cell.text + event.delta }
  })
  return { ...session, cells, status: event.status }
}

/** USD the way the playground shows it: an unknown price says so, never "$0". */
export function formatCost(costUsd: number | null, cached: boolean): string {
  if (cached) return '$0 (cached)'
  if (costUsd === null) return 'cost unknown'
  if (costUsd === 0) return '$0'
  return costUsd < 0.01 ? `$${costUsd.toFixed(6)}` : `$${costUsd.toFixed(4)}`
}

export function formatLatency(ms: number | null, cached: boolean): string {
  if (cached) return 'cached'
  return ms === null ? '—' : `${Math.round(ms)} ms`
}

export function formatTokens(input: number | null, output: number | null): string {
  if (input === null || output === null) return 'tokens —'
  return `${input} in · ${output} out`
}

import type { RunResult } from '../../../../../shared/domain/runs'

type Attempt = RunResult['attemptLog'][number]

const wait = (a: Attempt) => {
  const parts: string[] = []
  // Before the attempt: time waiting for a provider slot (concurrency, pacing), not part of "Took".
  if (a.queuedMs !== undefined) parts.push(`queued ${Math.round(a.queuedMs).toLocaleString()} ms for a slot`)
  if (a.waitMs !== undefined) parts.push(`waited ${Math.round(a.waitMs).toLocaleString()} ms`)
  if (a.retryAfterMs !== undefined)
    parts.push(`retry-after ${Math.round(a.retryAfterMs).toLocaleString()} ms`)
  return parts.join(', ') || '—'
}

/**
 * Each try of the call: how it ended, the HTTP status, how long it took from when it was sent, how long it
 * queued for a slot before that and how long it waited before the next one. A tool loop's log holds every
 * step's tries in order, each step numbering its own from 1 (so "1, 1" is two steps, not a repeat).
 */
export function AttemptLog({ attempts, loop }: { attempts: RunResult['attemptLog']; loop: boolean }) {
  return (
    <section className="attempt-log" data-testid="result-attempts" aria-label="Attempts">
      <h4>Attempts</h4>
      {loop ? (
        <p className="muted" data-testid="result-attempts-note">
          Every step of the tool loop, in order; each step numbers its tries from 1.
        </p>
      ) : null}
      <table className="attempt-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Outcome</th>
            <th scope="col">HTTP</th>
            <th scope="col" className="num">
              Took
            </th>
            <th scope="col">Waits</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a, i) => (
            <tr key={i} data-testid="attempt-row" data-outcome={a.outcome}>
              <td>{a.attempt}</td>
              <td>{a.outcome}</td>
              <td>{a.status ?? '—'}</td>
              <td className="num">{Math.max(0, Math.round(a.endedAt - a.startedAt)).toLocaleString()} ms</td>
              <td>{wait(a)}</td>
              <td className="attempt-message">{a.message ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

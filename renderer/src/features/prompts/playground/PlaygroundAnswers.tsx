import type {
  PlaygroundCell,
  PlaygroundScore,
  PlaygroundSession,
} from '../../../../../shared/domain/playground'
import { modelLabel } from '../../../../../shared/lib/model-ref'
import { formatCost, formatLatency, formatTokens } from './playground-state'

/** One row per case, one answer per model side by side; model output is always shown as text. */
export function PlaygroundAnswers({ session }: { session: PlaygroundSession }) {
  const models = session.cells.filter((c) => c.caseKey === session.cells[0]?.caseKey).length || 1
  const rows: PlaygroundCell[][] = []
  for (let i = 0; i < session.cells.length; i += models) rows.push(session.cells.slice(i, i + models))
  return (
    <div className="playground-answers" data-testid="playground-answers" data-status={session.status}>
      {rows.map((row) => (
        <section key={row[0]?.index} className="playground-row" aria-label={`Case ${row[0]?.caseKey ?? ''}`}>
          <h4>{row[0]?.caseKey}</h4>
          <div
            className="playground-row-cells"
            style={{ gridTemplateColumns: `repeat(${models}, minmax(0, 1fr))` }}
          >
            {row.map((cell) => (
              <AnswerCard key={cell.index} cell={cell} />
            ))}
          </div>
        </section>
      ))}
    </div>
  )
}

/** The provider's own words say what went wrong; this says what to try next. */
const failedAnswerStep =
  'Press Run to try again; if it fails again, check this model’s provider in Settings or pick another model.'

function AnswerCard({ cell }: { cell: PlaygroundCell }) {
  return (
    <article className="playground-answer" data-testid="playground-answer" data-status={cell.status}>
      <header>
        <strong>{modelLabel(cell.model)}</strong> <span className="badge">{cell.status}</span>
      </header>
      {cell.error ? (
        <p className="error-message" role="alert">
          {cell.error} {failedAnswerStep}
        </p>
      ) : null}
      <pre className="playground-text" data-testid="playground-text">
        {cell.text}
      </pre>
      <dl className="playground-facts">
        <dt>Tokens</dt>
        <dd data-testid="playground-tokens">{formatTokens(cell.inputTokens, cell.outputTokens)}</dd>
        <dt>Cost</dt>
        <dd data-testid="playground-cost">
          {cell.status === 'done' ? formatCost(cell.costUsd, cell.cached) : '—'}
        </dd>
        <dt>Latency</dt>
        <dd data-testid="playground-latency">{formatLatency(cell.latencyMs, cell.cached)}</dd>
      </dl>
      {cell.scores.length > 0 ? (
        <ul className="playground-scores" aria-label="Fast scores">
          {cell.scores.map((s) => (
            <ScoreChip key={s.metric} score={s} />
          ))}
        </ul>
      ) : null}
    </article>
  )
}

function ScoreChip({ score }: { score: PlaygroundScore }) {
  const verdict = score.passed === null ? 'not scored' : score.passed ? 'pass' : 'fail'
  const value = score.value === null || score.passed !== null ? '' : ` ${score.value.toFixed(2)}`
  return (
    <li
      className={`badge score-${verdict.replace(' ', '-')}`}
      data-testid="playground-score"
      data-metric={score.metric}
      data-verdict={verdict}
      title={score.reason}
    >
      {score.metric}: {verdict}
      {value}
    </li>
  )
}

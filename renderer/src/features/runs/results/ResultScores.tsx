import { z } from 'zod'
import type { MethodOutput } from '../../../../../shared/contract'
import type { RunResultRow } from '../../../../../shared/domain/runs'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { toErrorInfo } from '../../../api'
import { useRpcQuery } from '../../../api/query'

type StoredScore = MethodOutput<'runs.scores'>['scores'][number]

/** What the promptfoo assertions scorer stores per assertion (scorers/assertions.ts `describe`). */
const assertionDetailSchema = z.object({
  type: z.string(),
  status: z.string().optional(),
  pass: z.boolean(),
  score: z.number().nullable().optional(),
  reason: z.string(),
  weight: z.number().optional(),
})
const assertionDetailsSchema = z.object({ assertions: z.array(assertionDetailSchema) })
type AssertionDetail = z.infer<typeof assertionDetailSchema>

/** Every scorer's verdict on this one result, newest suite only; nothing is shown before the run is scored. */
export function ResultScores({ result }: { result: RunResultRow }) {
  const { runId, caseId, promptVersionId, provider, modelId } = result
  const query = useRpcQuery('runs.scores', {
    runId,
    caseId,
    promptVersionId,
    provider,
    modelId,
    failedOnly: false,
    offset: 0,
    limit: 200,
  })
  if (query.error)
    return (
      <ErrorNotice
        title="Could not load the scores"
        error={toErrorInfo(query.error)}
        testId="result-scores-error"
      />
    )
  if (!query.data) return null
  const scores = query.data.scores.filter((s) => s.repeat === result.repeat)
  return (
    <section aria-label="Scores" data-testid="result-scores" data-count={scores.length}>
      <h4>Scores</h4>
      {scores.length === 0 ? (
        <p className="muted">Not scored yet: score the run to see each scorer’s verdict.</p>
      ) : (
        <ul className="result-scores">
          {scores.map((s) => (
            <ScoreItem key={s.metric} score={s} />
          ))}
        </ul>
      )}
    </section>
  )
}

const shown = (value: number | null) =>
  value === null ? 'not scored' : String(Math.round(value * 1000) / 1000)

function ScoreItem({ score }: { score: StoredScore }) {
  const assertions = assertionDetailsSchema.safeParse(score.details)
  const verdict = score.passed === null ? 'none' : score.passed ? 'pass' : 'fail'
  return (
    <li data-testid="result-score" data-metric={score.metric} data-verdict={verdict}>
      <strong>{score.metric}</strong> <span data-testid="result-score-value">{shown(score.value)}</span>
      {score.raw !== null && score.raw !== score.value ? ` (raw ${score.raw})` : ''}
      {score.reason ? <p className="result-text">{score.reason}</p> : null}
      {assertions.success ? <AssertionTable assertions={assertions.data.assertions} /> : null}
    </li>
  )
}

/** promptfoo's per-assertion view: type, pass, score, weight and the reason, all as text. */
function AssertionTable({ assertions }: { assertions: readonly AssertionDetail[] }) {
  return (
    <table className="result-assertions" data-testid="result-assertions">
      <thead>
        <tr>
          <th>Assertion</th>
          <th>Pass</th>
          <th>Score</th>
          <th>Weight</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {assertions.map((a, i) => {
          const pass =
            a.status === 'unsupported' ? 'not run' : a.status === 'error' ? 'error' : a.pass ? 'pass' : 'fail'
          return (
            <tr key={i} data-testid="result-assertion" data-type={a.type} data-pass={pass}>
              <td>
                <code>{a.type}</code>
              </td>
              <td>{pass}</td>
              <td>{a.score ?? '—'}</td>
              <td>{a.weight ?? 1}</td>
              <td className="result-text">{a.reason}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

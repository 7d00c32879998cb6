import type { ResultRow } from '../../../../../shared/domain/result-rows'
import type { RunResultRow } from '../../../../../shared/domain/runs'
import { batchLatencyLabel } from '../../../components/batch-latency'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { formatUsd } from '../../../components/format'
import { toErrorInfo } from '../../../api'
import { useResults } from '../../../stores/hooks'
import { useVersionLabels, versionLabel } from '../../../queries/catalog'
import { useFullResult } from '../../../queries/results'
import { caseFilterOf, resultStatus } from '../../../stores/runs/result-pages'
import { selectResultsActions } from '../../../stores/runs/selectors'
import { AttemptLog } from './AttemptLog'
import { RequestView } from './RequestView'
import { ResultScores } from './ResultScores'
import { ToolSteps } from './ToolSteps'
import { ToolCallList } from '../../../components/ToolCallList'
import { displayText } from './response-text'
import { CorrectExpected } from '../../corrections/CorrectExpected'

const ms = (n: number | null) => (n === null ? '—' : `${Math.round(n).toLocaleString()} ms`)

/** A batch answer took as long as its job, not a call: it has no latency, and no first token to time. */
const latencyText = (r: RunResultRow) =>
  r.batch
    ? `${batchLatencyLabel} — answered through the provider's Batch API · first token not applicable`
    : `first token ${ms(r.ttftMs)} · total ${ms(r.totalMs)}`
const count = (n: number | null) => (n === null ? '—' : n.toLocaleString())
const stepCount = (n: number) => (n === 1 ? '1 step' : `${n.toLocaleString()} steps`)

/**
 * Everything about one call: request, response (as text, always), tokens, cost, timings and attempts. The
 * grid's row names the result; its full record is fetched by that identity when the detail opens.
 */
export function ResultDetail({ result }: { result: ResultRow }) {
  const labels = useVersionLabels()
  const { closeDetail, setFilter } = useResults(selectResultsActions)
  const full = useFullResult(result)
  const status = resultStatus(result)
  return (
    <aside
      className="result-detail"
      data-testid="result-detail"
      data-status={status}
      data-loading={full.data ? undefined : 'true'}
      aria-label={`Result for case ${result.caseKey ?? result.caseId}`}
    >
      <header className="result-detail-head">
        <h3>
          <code title={result.caseId}>{result.caseKey ?? result.caseId}</code> ·{' '}
          {versionLabel(labels, result.promptVersionId, true)} ·{' '}
          <code>
            {result.provider}/{result.modelId}
          </code>
          {result.repeat > 0 ? ` · repeat ${result.repeat + 1}` : ''}
        </h3>
        <button type="button" className="icon-button" aria-label="Close result detail" onClick={closeDetail}>
          ×
        </button>
      </header>
      <button
        type="button"
        className="link-button result-same-case"
        onClick={() => setFilter(caseFilterOf(result))}
      >
        Show every result for this case
      </button>
      {full.error ? (
        <ErrorNotice
          title="Could not load this result"
          error={toErrorInfo(full.error)}
          testId="result-detail-error"
        />
      ) : full.data ? (
        <ResultBody result={full.data} />
      ) : (
        <p className="muted" data-testid="result-detail-loading">
          Loading the result…
        </p>
      )}
    </aside>
  )
}

function ResultBody({ result }: { result: RunResultRow }) {
  const status = resultStatus(result)
  return (
    <>
      <dl className="facts result-facts">
        <dt>Outcome</dt>
        <dd>
          <span className="result-status" data-status={status}>
            {status}
          </span>
          {result.finishReason ? ` · finish reason ${result.finishReason}` : ''}
        </dd>
        <dt>Tokens</dt>
        <dd data-testid="result-tokens">
          {count(result.inputTokens)} in / {count(result.outputTokens)} out
          {result.cachedTokens ? ` (${result.cachedTokens.toLocaleString()} cached input)` : ''}
        </dd>
        <dt>Cost</dt>
        <dd>{result.costUsd === null ? 'unknown (no price for this model)' : formatUsd(result.costUsd)}</dd>
        <dt>Latency</dt>
        <dd data-testid="result-latency">{latencyText(result)}</dd>
        <dt>Attempts</dt>
        <dd data-testid="result-attempt-count">
          {result.attempts}
          {result.steps === null ? '' : ` over ${stepCount(result.steps.length)} of the tool loop`}
        </dd>
      </dl>
      {result.errorKind !== null || result.errorMessage !== null ? (
        <div className="result-error" data-testid="result-error" role="note">
          <strong>{result.errorKind ?? 'error'}</strong>
          <pre className="result-text">{result.errorMessage ?? ''}</pre>
        </div>
      ) : null}
      <section aria-label="Response">
        <h4>Response</h4>
        <ResponseText text={result.responseText} calls={result.toolCalls.length} />
      </section>
      {result.toolCalls.length > 0 ? (
        <section aria-label="Tool calls">
          <h4>Tool calls ({result.toolCalls.length})</h4>
          <ToolCallList calls={result.toolCalls} testId="result-tool-calls" />
        </section>
      ) : null}
      {result.steps !== null ? <ToolSteps steps={result.steps} /> : null}
      <ResultScores result={result} />
      <CorrectExpected runId={result.runId} caseId={result.caseId} />
      <RequestView request={result.request} />
      {result.attemptLog.length > 0 ? (
        <AttemptLog attempts={result.attemptLog} loop={result.steps !== null} />
      ) : null}
    </>
  )
}

function ResponseText({ text, calls }: { text: string | null; calls: number }) {
  if (text === '' && calls > 0) {
    return (
      <p className="muted" data-testid="result-response">
        No text: the answer is its tool calls.
      </p>
    )
  }
  if (text === null) {
    return (
      <p className="muted" data-testid="result-response">
        No response.
      </p>
    )
  }
  const shown = displayText(text)
  return (
    <pre className="result-text" data-testid="result-response" data-json={shown.json ? 'true' : undefined}>
      {shown.text}
    </pre>
  )
}

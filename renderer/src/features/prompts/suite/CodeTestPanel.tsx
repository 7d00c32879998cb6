import type { MethodOutput } from '../../../../../shared/contract'
import type { ResultRow } from '../../../../../shared/domain/result-rows'
import { identityLabel } from '../../../../../shared/lib/model-identity'
import { toErrorInfo } from '../../../api'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import type { CodeTry } from './use-code-try'

const resultLabel = (r: ResultRow): string =>
  `${r.caseKey ?? r.caseId} · ${identityLabel(r)}${r.repeat > 0 ? ` · repeat ${r.repeat + 1}` : ''}${
    r.errorKind ? ' · failed call' : ''
  }`

const rowValue = (r: ResultRow): string =>
  JSON.stringify([r.caseId, r.promptVersionId, r.provider, r.modelId, r.repeat])

/** Picks a run of this prompt and one of its stored results (narrowed by case key when typed). */
function ResultPicker({ tryer }: { tryer: CodeTry }) {
  return (
    <div className="field-row">
      <Field label="Run" className="medium">
        <select
          data-testid="code-test-run-select"
          value={tryer.runId ?? ''}
          onChange={(e) => tryer.chooseRun(e.target.value)}
        >
          {tryer.runs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Case key" className="narrow" hint="Narrows the results.">
        <input
          type="text"
          className="mono-input"
          data-testid="code-test-case-key"
          spellCheck={false}
          value={tryer.caseKey}
          onChange={(e) => tryer.setCaseKey(e.target.value)}
          onKeyDown={(e) => {
            // Enter here runs the test; it must not submit (and close) the scorer form around the panel.
            if (e.key === 'Enter') {
              e.preventDefault()
              tryer.run()
            }
          }}
        />
      </Field>
      <Field
        label="Result"
        className="grow"
        hint={
          tryer.total === null
            ? undefined
            : `${tryer.total} results${tryer.total > 200 ? ', first 200 listed' : ''}`
        }
      >
        <select
          data-testid="code-test-result-select"
          value={tryer.row ? rowValue(tryer.row) : ''}
          disabled={tryer.rows.length === 0}
          onChange={(e) => tryer.chooseRow(tryer.rows.find((r) => rowValue(r) === e.target.value) ?? null)}
        >
          {tryer.rows.length === 0 ? <option value="">No results</option> : null}
          {tryer.rows.map((r) => (
            <option key={rowValue(r)} value={rowValue(r)}>
              {resultLabel(r)}
            </option>
          ))}
        </select>
      </Field>
      <button
        type="button"
        className="button small"
        data-testid="code-test-run"
        disabled={!tryer.row || tryer.pending}
        title="Run the scorer on this result (Ctrl+Enter in the editor)"
        onClick={tryer.run}
      >
        {tryer.pending ? 'Running…' : 'Run'}
      </button>
    </div>
  )
}

function Outcome({ answer, stale }: { answer: MethodOutput<'suites.tryCodeScorer'>; stale: boolean }) {
  const { outcome } = answer
  const verdict = outcome.passed === null ? '—' : outcome.passed ? 'pass' : 'fail'
  return (
    <div className="code-test-outcome" data-testid="code-test-outcome" data-stale={stale ? 'true' : 'false'}>
      {stale ? (
        <p className="muted" data-testid="code-test-stale">
          The code or the result changed since this run: Run (Ctrl+Enter) again to see what it gives now.
        </p>
      ) : null}
      {outcome.error ? (
        <p className="field-error" role="alert" data-testid="code-test-error" data-kind={outcome.error}>
          {outcome.reason}
        </p>
      ) : (
        <dl className="code-test-facts">
          <dt>Score</dt>
          <dd data-testid="code-test-score">{outcome.value === null ? '—' : String(outcome.value)}</dd>
          <dt>Pass</dt>
          <dd data-testid="code-test-passed">{verdict}</dd>
          <dt>Reason</dt>
          <dd data-testid="code-test-reason">{outcome.reason}</dd>
        </dl>
      )}
      <details open>
        <summary>Input the scorer saw</summary>
        <pre className="code-test-input" data-testid="code-test-input">
          {JSON.stringify(answer.input, null, 2)}
        </pre>
      </details>
    </div>
  )
}

/** The code scorer's test panel: runs the scorer as edited (unsaved) on one stored result of this prompt. */
export function CodeTestPanel({ tryer }: { tryer: CodeTry }) {
  return (
    <section className="code-test-panel" data-testid="code-test-panel" aria-label="Test the scorer">
      <h4>Test on a stored result</h4>
      {tryer.runs.length === 0 ? (
        <p className="muted" data-testid="code-test-no-runs">
          No run of this prompt yet: run it once to test the scorer on a stored result.
        </p>
      ) : (
        <ResultPicker tryer={tryer} />
      )}
      {tryer.problem ? (
        <p className="field-error" role="alert" data-testid="code-test-problem">
          {tryer.problem}
        </p>
      ) : null}
      {tryer.error ? (
        <ErrorNotice
          title="Could not run the scorer"
          error={toErrorInfo(tryer.error)}
          testId="code-test-failure"
        />
      ) : null}
      {tryer.answer ? <Outcome answer={tryer.answer} stale={tryer.stale} /> : null}
    </section>
  )
}

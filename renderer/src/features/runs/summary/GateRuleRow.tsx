import type { RuleOutcome, SliceKey } from '../../../../../shared/domain/scoring'
import { sliceOf } from '../../../../../shared/lib/model-identity'
import { useResults, useSummary } from '../../../stores/hooks'
import { caseFilterOf } from '../../../stores/runs/result-pages'
import { selectResultsActions } from '../../../stores/runs/selectors'
import { deltaText, pValueText, ruleValueText } from '../../../../../shared/lib/gate-text'
import { selectSummaryActions } from '../../../stores/scoring/selectors'

const mark = { pass: '✓', fail: '✗', inconclusive: '?' } as const

/** One rule of a gate: verdict, candidate vs baseline, the paired delta and test, and the failing cases. */
export function GateRuleRow({ outcome, candidate }: { outcome: RuleOutcome; candidate: SliceKey }) {
  const { rule } = outcome
  const showCase = useShowCase(candidate)
  return (
    <li className="gate-rule" data-testid="gate-rule" data-verdict={outcome.verdict} data-kind={rule.kind}>
      <div className="gate-rule-head">
        <span className="gate-mark" data-verdict={outcome.verdict} aria-label={outcome.verdict}>
          {mark[outcome.verdict]}
        </span>
        <strong data-testid="gate-rule-label">{outcome.label}</strong>
        <span className="verdict-badge" data-verdict={outcome.verdict}>
          {outcome.verdict}
        </span>
      </div>
      <dl className="gate-rule-facts">
        <div>
          <dt>Candidate</dt>
          <dd data-testid="gate-rule-candidate">{ruleValueText(rule, outcome.candidate)}</dd>
        </div>
        {outcome.baseline !== null ? (
          <div>
            <dt>Baseline</dt>
            <dd data-testid="gate-rule-baseline">{ruleValueText(rule, outcome.baseline)}</dd>
          </div>
        ) : null}
        {outcome.delta !== null ? (
          <div>
            <dt>Delta (paired)</dt>
            <dd data-testid="gate-rule-delta">
              {deltaText(rule, outcome.delta)}
              {outcome.deltaCi95
                ? ` · 95 % CI ${deltaText(rule, outcome.deltaCi95.low)} to ${deltaText(rule, outcome.deltaCi95.high)}`
                : ''}
            </dd>
          </div>
        ) : null}
        {outcome.test ? (
          <div>
            <dt>Test</dt>
            <dd data-testid="gate-rule-test">
              {outcome.test.name}, {pValueText(outcome.test.pValue)}
            </dd>
          </div>
        ) : null}
      </dl>
      {outcome.warning ? (
        <p className="gate-warning" role="note" data-testid="gate-warning">
          ⚠ {outcome.warning}
        </p>
      ) : null}
      <p className="gate-explanation" data-testid="gate-explanation">
        {outcome.explanation}
      </p>
      {outcome.failingCases.length > 0 ? (
        <div className="gate-failing">
          <span className="field-label">
            {outcome.failingCases.length.toLocaleString()}{' '}
            {rule.kind === 'max_drop' ? 'cases got worse' : 'failing cases'} (click one to open its result)
          </span>
          <ul className="gate-failing-list">
            {outcome.failingCases.map((c) => (
              <li key={c.caseId}>
                <button
                  type="button"
                  className="gate-failing-case"
                  data-testid="gate-failing-case"
                  data-case-id={c.caseId}
                  data-case-key={c.caseKey ?? undefined}
                  onClick={() => showCase(c)}
                >
                  <code>{c.caseKey ?? c.caseId}</code> <span className="muted">{c.detail}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  )
}

/** Shows the results tab filtered to one case of the candidate slice, with that case's result open. */
function useShowCase(candidate: SliceKey): (c: { caseId: string; caseKey: string | null }) => void {
  const { showCase } = useResults(selectResultsActions)
  const { setTab } = useSummary(selectSummaryActions)
  return (c) => {
    setTab('results')
    showCase({ ...caseFilterOf(c), ...sliceOf(candidate) })
  }
}

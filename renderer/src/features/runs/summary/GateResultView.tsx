import type { GateResult, Verdict } from '../../../../../shared/domain/scoring'
import { identityLabel } from '../../../../../shared/lib/model-identity'
import { formatAbsolute } from '../../../components/format'
import { useVersionLabels, versionLabel } from '../../../queries/catalog'
import { GateRuleRow } from './GateRuleRow'

const verdictText: Record<Verdict, string> = {
  pass: 'Gate passed',
  fail: 'Gate failed',
  inconclusive: 'Gate inconclusive',
}

const verdictHint: Record<Verdict, string> = {
  pass: 'Every rule holds: this version can be promoted to prod (with its approval).',
  fail: 'At least one rule fails: promotion to prod is blocked unless overridden with a reason.',
  inconclusive: 'No rule fails, but at least one cannot be decided on this data.',
}

/** A gate evaluation: the verdict, then each rule with its figures, test, warning and failing cases. */
export function GateResultView({ result }: { result: GateResult }) {
  const labels = useVersionLabels()
  return (
    <section
      className="gate-result"
      data-testid="gate-result"
      data-verdict={result.verdict}
      data-gate-id={result.id}
      aria-label="Gate result"
    >
      <header className="gate-result-head">
        <span className="verdict-badge" data-verdict={result.verdict} data-testid="gate-verdict">
          {verdictText[result.verdict]}
        </span>
        <span className="muted">{verdictHint[result.verdict]}</span>
      </header>
      <p className="muted gate-result-meta">
        {versionLabel(labels, result.promptVersionId, true)} on {identityLabel(result.candidate)} · suite v
        {result.suiteVersion} ·{' '}
        {result.baselineRunId
          ? `${result.pairedCases.toLocaleString()} cases paired with the baseline`
          : 'no baseline on this dataset snapshot'}{' '}
        · {result.createdBy}, {formatAbsolute(result.createdAt)}
      </p>
      <ul className="gate-rules">
        {result.rules.map((rule, index) => (
          <GateRuleRow key={index} outcome={rule} candidate={result.candidate} />
        ))}
      </ul>
    </section>
  )
}

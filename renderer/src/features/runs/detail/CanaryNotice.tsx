import type { CanaryState } from '../../../../../shared/domain/scoring'
import { percentText } from '../../../../../shared/lib/gate-text'

const phaseText: Record<CanaryState['phase'], string> = {
  sampling: 'running the sample first',
  stopped: 'stopped early: the sample failed the gate',
  continued: 'the sample did not fail the gate, so the run went on with every case',
}

/** A canary run: the sampled share, where it stands, and what the gate said about the sample. */
export function CanaryNotice({ canary }: { canary: CanaryState }) {
  const tone = canary.phase === 'stopped' ? 'banner warn' : 'banner'
  return (
    <section
      className={`${tone} run-canary`}
      data-testid="run-canary"
      data-phase={canary.phase}
      data-verdict={canary.verdict ?? undefined}
      aria-label="Canary"
    >
      <div>
        <strong>
          Canary ({percentText(canary.share)} % · {canary.sampleSize.toLocaleString()} cases):
        </strong>{' '}
        {phaseText[canary.phase]}
        {canary.verdict ? (
          <>
            {' '}
            · sample verdict{' '}
            <span className="verdict-badge" data-verdict={canary.verdict}>
              {canary.verdict}
            </span>
          </>
        ) : null}
        {canary.reason ? <p className="run-canary-reason">{canary.reason}</p> : null}
      </div>
    </section>
  )
}

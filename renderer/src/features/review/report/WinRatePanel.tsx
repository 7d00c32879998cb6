import type { QueueReport } from '../../../../../shared/domain/review'
import { identityLabel } from '../../../../../shared/lib/model-identity'
import { useVersionLabels, versionLabel } from '../../../queries/catalog'
import { percent } from './format'

type WinRate = NonNullable<QueueReport['winRate']>

/** Pairwise: how often A beat B (ties count half), with its 95 % interval. The report is not blind. */
export function WinRatePanel({ winRate }: { winRate: WinRate }) {
  const labels = useVersionLabels()
  const name = (side: WinRate['a']) =>
    `${versionLabel(labels, side.promptVersionId, true)} on ${identityLabel(side)}`
  return (
    <section className="report-section win-rate" data-testid="win-rate">
      <h3>Win rate</h3>
      <p>
        <strong>A</strong> {name(winRate.a)} vs <strong>B</strong> {name(winRate.b)}
      </p>
      <p className="win-rate-value">
        A wins {percent(winRate.winRateA)}
        {winRate.ci95 ? ` (95 % CI ${percent(winRate.ci95.low)}–${percent(winRate.ci95.high)})` : ''}
      </p>
      <p className="muted">
        {winRate.judgments} judgments: A better {winRate.aWins}, B better {winRate.bWins}, equal{' '}
        {winRate.ties}.
      </p>
    </section>
  )
}

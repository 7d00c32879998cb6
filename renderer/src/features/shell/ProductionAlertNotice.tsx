import type { BreachSummary } from '../../../../shared/domain/production'
import { useBreaches, useMonitor } from '../../stores/production/hooks'
import { formatMetricValue } from '../../stores/production/units'

const selectBreaches = (s: { breaches: readonly BreachSummary[] }) => s.breaches
const selectSelect = (s: { actions: { select: (promptId: string | null) => Promise<void> } }) =>
  s.actions.select

/** "Triage JSON matches the schema 97.3 % < 99 % (Ticket triage)". */
export function breachText(breach: BreachSummary): string {
  const sign = breach.threshold.direction === 'min' ? '<' : '>'
  const value = formatMetricValue(breach.metric, breach.value)
  const limit = formatMetricValue(breach.metric, breach.threshold.value)
  // A day's rate says which day: the whole import's average may be fine.
  const where = breach.scope === 'day' ? `, ${breach.period}` : ''
  return `${breach.label} ${value} ${sign} ${limit} (${breach.promptName}${where})`
}

/** In the header on every screen: a production threshold is breached; one click opens that prompt's monitoring. */
export function ProductionAlertNotice({ onOpen }: { onOpen: () => void }) {
  const breaches = useBreaches(selectBreaches)
  const select = useMonitor(selectSelect)
  const first = breaches[0]
  if (!first) return null
  const more = breaches.length > 1 ? ` and ${breaches.length - 1} more` : ''
  return (
    <a
      href="#/production"
      role="alert"
      className="header-notice header-alert"
      data-testid="header-production-alert"
      onClick={(event) => {
        event.preventDefault()
        void select(first.promptId)
        onOpen()
      }}
    >
      Production alert: {breachText(first)}
      {more}
    </a>
  )
}

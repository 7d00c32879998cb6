import { minDayAlertResults, type Alert } from '../../../../shared/domain/production'
import { evaluateAlerts, type AlertInput } from './alerts'
import { dayPoints } from './timeline'

/**
 * Breaches of single days of the latest import: a bad day hides in a week's average, so each day with
 * enough results of the metric is judged on its own rate too. Only breached days are returned (the whole
 * import's alert already says how every threshold stands); an import of one day has no day alerts.
 */
export function dayAlerts(input: AlertInput): Alert[] {
  const days = dayPoints(input.point, input.data)
  if (days.length < 2) return []
  return days.flatMap(({ point, data }) =>
    evaluateAlerts({ ...input, point, data }, 'day').filter(
      (alert) => alert.breached && alert.n >= minDayAlertResults,
    ),
  )
}

import type { Run } from '../../../../../shared/domain/runs'
import { modelLabel } from '../../../../../shared/lib/model-ref'
import { formatUsd } from '../../../components/format'

/** The models of a run whose price was unknown when it started: their calls add nothing to the spend. */
export function unpricedModels(run: Pick<Run, 'priceTable'>): string[] {
  return run.priceTable.filter((p) => p.source === 'unknown').map((p) => modelLabel(p))
}

/**
 * What a run has spent, said honestly: "unknown" when no model of it has a price, "$0.12 + unknown" when
 * some have none, never a $0 that only means nobody knows.
 */
export function spendText(run: Pick<Run, 'priceTable' | 'counts'>): { text: string; note: string | null } {
  const unpriced = unpricedModels(run)
  const spent = formatUsd(run.counts.spentUsd)
  if (unpriced.length === 0) return { text: spent, note: null }
  const note = `No price for ${unpriced.join(', ')}: set one in Settings → Prices`
  const allUnpriced = unpriced.length === run.priceTable.length
  return { text: allUnpriced ? 'unknown' : `${spent} + unknown`, note }
}

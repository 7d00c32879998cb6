import { useMemo, useState } from 'react'
import type { CompareSeries } from '../../../../shared/domain/compare'
import { formatUsd, segmentTags } from './charts/format'
import { projectMonthlyCost, type ProjectionInputs } from './projection'

interface Props {
  series: readonly CompareSeries[]
  /** The candidate series: the totals are its monthly cost and revenue. */
  candidate: CompareSeries | null
  prefixes: readonly string[]
}

/** Null is a cost nobody knows (no price for the model): it is said, never shown as $0.00. */
const money = (value: number | null) =>
  value === null
    ? 'unknown'
    : `$${value.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}`

/** A number typed by the user; an empty or invalid field counts as 0 rather than blocking the others. */
function numberOf(text: string): number {
  const value = Number(text)
  return Number.isFinite(value) && value >= 0 ? value : 0
}

function NumberField(props: {
  label: string
  testId: string
  value: string
  onChange: (v: string) => void
  segment?: string
  /** The field's name for screen readers where no visible label fits (a table cell under its header). */
  ariaLabel?: string
}) {
  return (
    <label>
      {props.label}{' '}
      <input
        type="number"
        min={0}
        data-testid={props.testId}
        data-segment={props.segment}
        aria-label={props.ariaLabel ?? (props.label || `Daily active users, ${props.segment ?? ''}`)}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  )
}

/** What the features would cost a month at the given traffic, per segment, against the value they bring. */
export function ProjectionPanel({ series, candidate, prefixes }: Props) {
  const [picked, setDimension] = useState(prefixes[0] ?? '')
  // Slices added later can change the prefixes on offer; keep a valid one selected.
  const dimension = prefixes.includes(picked) ? picked : (prefixes[0] ?? '')
  const [dau, setDau] = useState<Record<string, string>>({})
  const [interactions, setInteractions] = useState('3')
  const [rate, setRate] = useState('5')
  const [value, setValue] = useState('20')
  // No tags: one "all cases" segment whose daily users the user types, so the projection still works.
  const segments = useMemo(() => segmentTags(series, dimension), [series, dimension])
  const inputs: ProjectionInputs = {
    dau: Object.fromEntries(segments.map((tag) => [tag, numberOf(dau[tag] ?? '')])),
    interactionsPerUserPerDay: numberOf(interactions),
    conversionRatePct: numberOf(rate),
    conversionValueUsd: numberOf(value),
  }
  const projections = series.map((s) => projectMonthlyCost(inputs, s))
  const chosen = candidate ? projectMonthlyCost(inputs, candidate) : null

  return (
    <section className="projection" data-testid="projection" aria-label="Cost projection">
      <h3>Cost projection</h3>
      <div className="projection-inputs">
        {prefixes.length === 0 ? (
          <p className="muted" data-testid="projection-untagged">
            No case tags: the projection is for all cases. Tag cases (e.g. <code>tier:enterprise</code>) to
            project each segment with its own users and cost.
          </p>
        ) : (
          <label>
            Segments by{' '}
            <select
              data-testid="projection-dimension"
              value={dimension}
              onChange={(e) => setDimension(e.target.value)}
            >
              {prefixes.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        )}
        <NumberField
          label="Interactions per user per day"
          testId="projection-interactions"
          value={interactions}
          onChange={setInteractions}
        />
        <NumberField
          label="Conversion rate (%)"
          testId="projection-conversion-rate"
          value={rate}
          onChange={setRate}
        />
        <NumberField
          label="Value per conversion ($)"
          testId="projection-conversion-value"
          value={value}
          onChange={setValue}
        />
      </div>
      <table className="projection-table">
        <thead>
          <tr>
            <th>Segment</th>
            <th>Daily active users</th>
            {series.map((s) => (
              <th key={s.label}>{s.label} / month</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {segments.map((tag) => (
            <tr key={tag} data-testid="projection-row" data-segment={tag}>
              <td>{tag}</td>
              <td>
                <NumberField
                  label=""
                  testId="projection-dau"
                  ariaLabel={`Daily active users, ${tag}`}
                  segment={tag}
                  value={dau[tag] ?? ''}
                  onChange={(v) => setDau((d) => ({ ...d, [tag]: v }))}
                />
              </td>
              {projections.map((p, i) => (
                <td key={series[i]?.label ?? i}>
                  {money(p.segments.find((x) => x.tag === tag)?.monthlyCostUsd ?? null)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>Total</th>
            <td />
            {projections.map((p, i) => (
              <td key={series[i]?.label ?? i}>{money(p.monthlyCostUsd)}</td>
            ))}
          </tr>
        </tfoot>
      </table>
      {chosen && candidate && (
        <dl className="projection-totals">
          <dt>Monthly cost ({candidate.label})</dt>
          <dd data-testid="projection-monthly-cost">{money(chosen.monthlyCostUsd)}</dd>
          <dt>Monthly revenue from conversions</dt>
          <dd data-testid="projection-revenue">{money(chosen.revenueUsd)}</dd>
          <dt>Cost per conversion</dt>
          <dd data-testid="projection-cost-per-conversion">
            {chosen.costPerConversionUsd === null ? '—' : formatUsd(chosen.costPerConversionUsd, 4)}
          </dd>
        </dl>
      )}
    </section>
  )
}

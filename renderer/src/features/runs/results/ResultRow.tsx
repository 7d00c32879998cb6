import { memo, type CSSProperties } from 'react'
import type { ResultRow as Row } from '../../../../../shared/domain/result-rows'
import { identityLabel } from '../../../../../shared/lib/model-identity'
import { batchLatencyLabel } from '../../../components/batch-latency'
import { formatCount, formatUsd } from '../../../components/format'
import { resultStatus } from '../../../stores/runs/result-pages'
import { snippet } from './layout'

interface Props {
  index: number
  start: number
  /** Null while its page is loading. */
  row: Row | null
  active: boolean
  /** "v2" for the row's prompt version. */
  version: string
}

const num = (n: number | null) => (n === null ? '—' : formatCount(n))

/** A batch answer has no latency of its own: "batch", never the hours its job took nor a blank. */
function latencyCell(row: Row) {
  if (row.batch) return <span className="latency-batch">{batchLatencyLabel}</span>
  return row.totalMs === null ? '—' : formatCount(Math.round(row.totalMs))
}

/** One result; memoised so scrolling renders only the rows that come into view. Everything is text. */
export const ResultRow = memo(function ResultRow({ index, start, row, active, version }: Props) {
  const style = { transform: `translateY(${start}px)` }
  if (!row) return loadingRow(index, style)
  const status = resultStatus(row)
  const model = identityLabel(row)
  const text = status === 'error' ? `${row.errorKind ?? 'error'}: ${row.preview ?? ''}` : (row.preview ?? '')
  return (
    <div
      className="result-row"
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      data-testid="result-row"
      data-index={index}
      data-status={status === 'error' ? 'error' : 'ok'}
      data-cached={row.cached ? 'true' : undefined}
      data-case-id={row.caseId}
      data-case-key={row.caseKey ?? undefined}
      data-active={active ? 'true' : undefined}
      style={style}
    >
      <div className="result-cell mono" role="gridcell" title={row.caseId}>
        {row.caseKey ?? row.caseId}
        {row.repeat > 0 ? <span className="muted"> #{row.repeat + 1}</span> : null}
      </div>
      <div className="result-cell" role="gridcell">
        {version}
      </div>
      <div className="result-cell mono" role="gridcell" title={model}>
        {model}
      </div>
      <div className="result-cell" role="gridcell">
        <span className="result-status" data-status={status}>
          {status}
        </span>
      </div>
      <div className="result-cell num" role="gridcell" data-testid="result-latency">
        {latencyCell(row)}
      </div>
      <div className="result-cell num" role="gridcell">
        {num(row.inputTokens)} / {num(row.outputTokens)}
      </div>
      <div className="result-cell num" role="gridcell">
        {row.costUsd === null ? '—' : formatUsd(row.costUsd)}
      </div>
      <div className="result-cell num" role="gridcell">
        {row.attempts}
      </div>
      <div className={`result-cell result-snippet${status === 'error' ? ' is-error' : ''}`} role="gridcell">
        {snippet(text)}
      </div>
    </div>
  )
})

/**
 * A row whose page is still loading: a plain element with as many cells as a result, so the row it becomes
 * (or was, when the grid hands a slot to another row) changes text in place instead of being rebuilt.
 */
function loadingRow(index: number, style: CSSProperties) {
  const empty = <div className="result-cell" role="gridcell" />
  return (
    <div
      className="result-row loading"
      role="row"
      data-testid="result-row-loading"
      data-index={index}
      style={style}
    >
      <div className="result-cell" role="gridcell">
        Loading…
      </div>
      {empty}
      {empty}
      {empty}
      {empty}
      {empty}
      {empty}
      {empty}
      {empty}
    </div>
  )
}

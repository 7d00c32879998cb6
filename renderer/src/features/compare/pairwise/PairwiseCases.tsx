import { useState } from 'react'
import {
  pairwiseCaseFilterSchema,
  type PairwiseCase,
  type PairwiseCaseFilter,
} from '../../../../../shared/domain/pairwise'
import { toolCallsText } from '../../../../../shared/lib/tool-call-text'
import { pairwiseCasesPageSize, usePairwiseCases } from '../../../queries/pairwise'
import { errorOf } from '../../../queries/summary'
import { verdictText } from './format'
import { ErrorNotice } from '../../../components/ErrorNotice'

const filters: { value: PairwiseCaseFilter; label: string }[] = [
  { value: 'all', label: 'All cases' },
  { value: 'b', label: 'B better' },
  { value: 'a', label: 'A better' },
  { value: 'tie', label: 'Ties' },
  { value: 'inconsistent', label: 'Orders disagreed' },
  { value: 'failed', label: 'Judge failed' },
]

/** Model output is shown as text, never as markup: it goes into a <pre> as a string. */
function sideText(side: PairwiseCase['a']): string {
  if (side.text === null) return `Error: ${side.error ?? 'no output'}`
  return side.toolCalls.length > 0 ? `${side.text}\n${toolCallsText(side.toolCalls)}` : side.text
}

function CaseDetail({ item }: { item: PairwiseCase }) {
  return (
    <div className="pairwise-case-detail" data-testid="pairwise-case-detail">
      <div className="pairwise-sides">
        <section aria-label="Output A">
          <h4>A</h4>
          <pre data-testid="pairwise-output-a">{sideText(item.a)}</pre>
        </section>
        <section aria-label="Output B">
          <h4>B</h4>
          <pre data-testid="pairwise-output-b">{sideText(item.b)}</pre>
        </section>
      </div>
      <ul className="pairwise-judgments">
        {item.judgments.map((j) => (
          <li key={j.order} data-testid="pairwise-judgment" data-order={j.order}>
            <strong>{j.order === 'ab' ? 'A shown first' : 'B shown first'}:</strong> {verdictText(j.verdict)}
            {' — '}
            {j.error ?? j.reason}
          </li>
        ))}
      </ul>
    </div>
  )
}

function CaseRow({ item, open, onToggle }: { item: PairwiseCase; open: boolean; onToggle: () => void }) {
  const byOrder = (order: 'ab' | 'ba') => item.judgments.find((j) => j.order === order)?.verdict ?? null
  return (
    <>
      <tr
        data-testid="pairwise-case"
        data-case-key={item.caseKey ?? item.caseId}
        data-outcome={item.outcome ?? 'none'}
        data-inconsistent={item.inconsistent ? 'true' : 'false'}
        tabIndex={0}
        onClick={onToggle}
        onKeyDown={(e) => e.key === 'Enter' && onToggle()}
      >
        <td>{item.caseKey ?? item.caseId}</td>
        <td data-testid="pairwise-outcome">
          {item.outcome === null ? 'Not judged' : verdictText(item.outcome)}
        </td>
        <td>{verdictText(byOrder('ab'))}</td>
        <td>{verdictText(byOrder('ba'))}</td>
      </tr>
      {open && (
        <tr>
          <td colSpan={4}>
            <CaseDetail item={item} />
          </td>
        </tr>
      )}
    </>
  )
}

function Pager(props: { offset: number; total: number; onOffset: (offset: number) => void }) {
  const { offset, total } = props
  if (total <= pairwiseCasesPageSize) return null
  const last = Math.min(total, offset + pairwiseCasesPageSize)
  return (
    <span className="pairwise-pager">
      {' '}
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => props.onOffset(Math.max(0, offset - pairwiseCasesPageSize))}
      >
        Previous
      </button>{' '}
      <span data-testid="pairwise-page">
        {offset + 1}–{last} of {total}
      </span>{' '}
      <button
        type="button"
        data-testid="pairwise-next"
        disabled={last >= total}
        onClick={() => props.onOffset(offset + pairwiseCasesPageSize)}
      >
        Next
      </button>
    </span>
  )
}

/** The comparison's cases with both verdicts; a row opens both outputs and the judge's reasons. */
export function PairwiseCases({ comparisonId }: { comparisonId: string }) {
  const [filter, setFilter] = useState<PairwiseCaseFilter>('all')
  const [openId, setOpenId] = useState<string | null>(null)
  const [offset, setOffset] = useState(0)
  const query = usePairwiseCases(comparisonId, filter, offset)
  const loadError = errorOf(query.error)
  const total = query.data?.total ?? 0
  return (
    <div className="pairwise-cases" data-testid="pairwise-cases">
      <select
        data-testid="pairwise-filter"
        aria-label="Show"
        value={filter}
        onChange={(e) => {
          const parsed = pairwiseCaseFilterSchema.safeParse(e.target.value)
          if (!parsed.success) return
          setFilter(parsed.data)
          setOffset(0)
        }}
      >
        {filters.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </select>{' '}
      <span data-testid="pairwise-cases-total">{total}</span> cases
      {loadError && (
        <ErrorNotice
          title="Could not load the judged cases"
          error={loadError}
          testId="pairwise-cases-error"
        />
      )}
      <Pager offset={offset} total={total} onOffset={setOffset} />
      <table className="compare-case-table">
        <thead>
          <tr>
            <th>Case</th>
            <th>Verdict</th>
            <th>A shown first</th>
            <th>B shown first</th>
          </tr>
        </thead>
        <tbody>
          {(query.data?.cases ?? []).map((c) => (
            <CaseRow
              key={c.caseId}
              item={c}
              open={openId === c.caseId}
              onToggle={() => setOpenId(openId === c.caseId ? null : c.caseId)}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

import { compareCasesFilterSchema, type CompareCase } from '../../../../shared/domain/compare'
import { errorOf } from '../../queries/summary'
import { useAddedSlices, useCompareCases } from '../../queries/compare'
import { pairOf, type CasesFilter } from '../../stores/compare/compare-store'
import { selectCompareActions } from '../../stores/compare/selectors'
import { useCompare } from '../../stores/hooks'
import { CaseDiff } from './CaseDiff'
import { sliceLabel } from './RunPicker'
import { ErrorNotice } from '../../components/ErrorNotice'

const filters: { value: CasesFilter; label: string }[] = [
  { value: 'all', label: 'All cases' },
  { value: 'regressions', label: 'Regressions (candidate worse)' },
  { value: 'improvements', label: 'Improvements (candidate better)' },
  { value: 'changed', label: 'Any change' },
]

function changeKind(change: number): 'regression' | 'improvement' | 'same' {
  return change < 0 ? 'regression' : change > 0 ? 'improvement' : 'same'
}

function formatDelta(baseline: number | null, candidate: number | null): string {
  if (baseline === null || candidate === null) return '—'
  const delta = candidate - baseline
  return `${delta > 0 ? '+' : ''}${delta.toFixed(2)}`
}

function SliceSelect(props: {
  testId: string
  label: string
  value: string | null
  onChange: (id: string) => void
}) {
  const slices = useAddedSlices()
  const selected = useCompare((s) => s.selected)
  return (
    <label>
      {props.label}{' '}
      <select
        data-testid={props.testId}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {slices
          .filter((s) => selected.includes(s.id))
          .map((s) => (
            <option key={s.id} value={s.id}>
              {sliceLabel(s)}
            </option>
          ))}
      </select>
    </label>
  )
}

function CaseRow({ item, onOpen }: { item: CompareCase; onOpen: () => void }) {
  return (
    <tr
      data-testid="compare-case"
      data-case-id={item.caseId}
      data-change={changeKind(item.change)}
      onClick={onOpen}
      tabIndex={0}
      onKeyDown={(e) => e.key === 'Enter' && onOpen()}
    >
      <td>{item.caseKey ?? item.caseId}</td>
      <td>{item.scores.map((s) => `${s.metric} ${formatDelta(s.baseline, s.candidate)}`).join(' · ')}</td>
      <td>{item.change.toFixed(2)}</td>
    </tr>
  )
}

/** Case by case: baseline against candidate, filtered to what got worse or better; a row opens the diff. */
export function CasesPanel() {
  const { filter, openCaseId } = useCompare((s) => s)
  const { baselineId, candidateId } = pairOf(useCompare((s) => s))
  const actions = useCompare(selectCompareActions)
  const slices = useAddedSlices()
  const query = useCompareCases(
    slices.find((s) => s.id === baselineId),
    slices.find((s) => s.id === candidateId),
    filter,
  )
  const cases = query.data?.cases ?? []
  const loadError = errorOf(query.error)
  const open = cases.find((c) => c.caseId === openCaseId) ?? null
  return (
    <section
      className="compare-cases"
      data-testid="compare-cases"
      data-loading={query.isFetching ? 'true' : 'false'}
      aria-label="Cases"
    >
      <h3>Cases</h3>
      <div className="compare-cases-controls">
        <SliceSelect
          testId="compare-baseline"
          label="Baseline"
          value={baselineId}
          onChange={(id) => actions.setBaseline(id)}
        />
        <SliceSelect
          testId="compare-candidate"
          label="Candidate"
          value={candidateId}
          onChange={(id) => actions.setCandidate(id)}
        />
        <select
          data-testid="compare-filter"
          aria-label="Show"
          value={filter}
          onChange={(e) => {
            const parsed = compareCasesFilterSchema.safeParse(e.target.value)
            if (parsed.success) actions.setFilter(parsed.data)
          }}
        >
          {filters.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
        <span data-testid="compare-cases-total">{query.data?.total ?? 0}</span> cases
        {loadError && (
          <ErrorNotice title="Could not load the cases" error={loadError} testId="compare-cases-error" />
        )}
      </div>
      {open && <CaseDiff item={open} onClose={() => actions.openCase(null)} />}
      <table className="compare-case-table">
        <thead>
          <tr>
            <th>Case</th>
            <th>Change per metric (candidate − baseline)</th>
            <th>Total</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <CaseRow key={c.caseId} item={c} onOpen={() => actions.openCase(c.caseId)} />
          ))}
        </tbody>
      </table>
    </section>
  )
}

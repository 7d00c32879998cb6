import { ErrorNotice } from '../../../components/ErrorNotice'
import { plural } from '../../../components/format'
import { toErrorInfo } from '../../../api'
import { useDuplicateGroups } from '../../../queries/datasets'
import {
  selectCaseTableActions,
  selectDuplicatesActions,
  selectDuplicatesDatasetId,
  selectDuplicatesThreshold,
} from '../../../stores/datasets/selectors'
import { useCaseTable, useDuplicates } from '../../../stores/hooks'

const thresholds = [0.95, 0.9, 0.85, 0.8, 0.7]

/** Exact and near duplicates (similar inputs); a group's cases can be selected or searched for. */
export function DuplicatesPanel({ datasetId }: { datasetId: string }) {
  const shownFor = useDuplicates(selectDuplicatesDatasetId)
  const threshold = useDuplicates(selectDuplicatesThreshold)
  const { find: ask } = useDuplicates(selectDuplicatesActions)
  const { selectIds, setSearch } = useCaseTable(selectCaseTableActions)
  const query = useDuplicateGroups(shownFor === datasetId ? datasetId : null, threshold)
  const mine = query.data ?? null
  const loading = query.isFetching
  const error = query.error ? toErrorInfo(query.error) : null
  /** The same search asked again is fetched again; another one is a new query. */
  const find = (id: string, at = threshold) =>
    shownFor === id && at === threshold ? void query.refetch() : ask(id, at)

  return (
    <section className="duplicates-panel" data-testid="duplicates-panel" aria-label="Duplicates">
      <div className="toolbar">
        <label className="inline-field">
          Near when inputs are at least
          <select
            data-testid="duplicates-threshold"
            value={threshold}
            onChange={(e) => find(datasetId, Number(e.target.value))}
          >
            {thresholds.map((t) => (
              <option key={t} value={t}>
                {Math.round(t * 100)}% alike
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button small"
          data-testid="find-duplicates"
          disabled={loading}
          onClick={() => find(datasetId)}
        >
          {mine ? 'Search again' : 'Find duplicates'}
        </button>
      </div>
      {error ? (
        <ErrorNotice title="Could not look for duplicates" error={error} testId="duplicates-error" />
      ) : null}
      {loading ? <p className="muted">Comparing cases…</p> : null}
      {mine === null && !loading ? (
        <p className="muted">
          Finds cases with the same or nearly the same inputs, which count twice in a score.
        </p>
      ) : null}
      {mine && mine.length === 0 ? <p data-testid="no-duplicates">No duplicates at this threshold.</p> : null}
      <ul className="duplicate-groups">
        {(mine ?? []).map((group, i) => (
          <li key={i} className="duplicate-group" data-testid="duplicate-group" data-kind={group.kind}>
            <div className="duplicate-head">
              <span className={`badge ${group.kind}`}>{group.kind === 'exact' ? 'exact' : 'near'}</span>
              <span>{Math.round(group.similarity * 100)}% alike</span>
              <button
                type="button"
                className="link-button"
                data-testid="select-duplicates"
                onClick={() => selectIds(group.cases.map((c) => c.id))}
              >
                Select {plural(group.cases.length, 'case')}
              </button>
            </div>
            <ul className="duplicate-keys">
              {group.cases.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="link-button"
                    title="Search for this key"
                    onClick={() => setSearch(c.key)}
                  >
                    {c.key}
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  )
}

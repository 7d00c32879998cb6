import { useEffect, useState } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { casesPageSize } from '../../../stores/cases/cases-store'
import { toErrorInfo } from '../../../api'
import { useCaseKeySearch, useCasePage } from '../../../queries/cases'
import {
  selectCasesActions,
  selectCasesDatasetId,
  selectCasesOffset,
  selectCasesQuery,
} from '../../../stores/cases/selectors'
import { useDatasetList } from '../../../queries/datasets'
import { useCases, usePreview } from '../../../stores/hooks'
import { selectPickedCase, selectPreviewActions } from '../../../stores/preview/selectors'
import { CaseList } from './CaseList'

const searchDelayMs = 200

/** Pick a dataset, then one of its cases (paged, or found by key) to fill the variables. */
export function CasePicker() {
  const { datasets } = useDatasetList()
  const datasetId = useCases(selectCasesDatasetId)
  const offset = useCases(selectCasesOffset)
  const searched = useCases(selectCasesQuery)
  const { selectDataset, loadPage, search } = useCases(selectCasesActions)
  const pageQuery = useCasePage(datasetId, offset)
  const page = pageQuery.data ?? null
  const searchQuery = useCaseKeySearch(datasetId, searched)
  const searching = datasetId !== null && searched.trim() !== ''
  // The last matches stay shown while a new search runs; the page list until the first answer.
  const matches = searching ? (searchQuery.data?.cases ?? null) : null
  const truncated = searchQuery.data?.truncated ?? false
  const picked = usePreview(selectPickedCase)
  const { pickCase } = usePreview(selectPreviewActions)
  const [query, setQuery] = useState('')

  useEffect(() => {
    const timer = setTimeout(() => search(query), searchDelayMs)
    return () => clearTimeout(timer)
  }, [query, search])

  const failed = pageQuery.error ?? (searching ? searchQuery.error : null)
  const error = failed ? toErrorInfo(failed) : null
  return (
    <div className="case-picker">
      <select
        aria-label="Dataset"
        data-testid="preview-dataset"
        value={datasetId ?? ''}
        onChange={(e) => {
          setQuery('')
          selectDataset(e.target.value || null)
        }}
      >
        <option value="">
          {datasets.length === 0 ? 'No datasets in this workspace' : 'Choose a dataset…'}
        </option>
        {datasets.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name} ({d.caseCount})
          </option>
        ))}
      </select>
      {datasetId ? (
        <>
          <input
            type="search"
            aria-label="Find a case by key"
            data-testid="case-search"
            placeholder="Find a case by key"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {error ? <ErrorNotice title="Could not load cases" error={error} testId="cases-error" /> : null}
          <CaseList
            cases={matches ?? page?.cases ?? []}
            pickedId={picked?.id ?? null}
            onPick={pickCase}
            empty={matches ? `No case key contains "${query.trim()}".` : 'This dataset has no cases yet.'}
          />
          {matches ? (
            <p className="muted">
              {searchQuery.isFetching ? 'Searching…' : `${matches.length}${truncated ? '+' : ''} found`}
            </p>
          ) : page && page.total > casesPageSize ? (
            <Pager offset={page.offset} shown={page.cases.length} total={page.total} onPage={loadPage} />
          ) : null}
        </>
      ) : null}
      {picked ? (
        <p className="muted" data-testid="preview-case">
          Using case <code>{picked.key}</code>
        </p>
      ) : null}
    </div>
  )
}

function Pager(props: { offset: number; shown: number; total: number; onPage: (offset: number) => void }) {
  const { offset, shown, total, onPage } = props
  return (
    <div className="pager">
      <button
        type="button"
        className="button small"
        data-testid="cases-prev"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - casesPageSize))}
      >
        ‹ Prev
      </button>
      <span className="muted">
        {offset + 1}–{offset + shown} of {total}
      </span>
      <button
        type="button"
        className="button small"
        data-testid="cases-next"
        disabled={offset + shown >= total}
        onClick={() => onPage(offset + casesPageSize)}
      >
        Next ›
      </button>
    </div>
  )
}

import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useResults } from '../../../stores/hooks'
import { useVersionLabels, versionLabel } from '../../../queries/catalog'
import { usePrefetchPages, useResultPages, useResultTotal } from '../../../queries/results'
import {
  selectActiveResult,
  selectIsResultsFiltered,
  selectResultQuery,
  selectResultsActions,
} from '../../../stores/runs/selectors'
import { resultColumns, resultLayout, resultRowHeight } from './layout'
import { ResultRow } from './ResultRow'
import { useResultKeys } from './use-result-keys'
import { resultPageSize } from '../../../stores/runs/result-pages'

/**
 * The run's results as a virtualized grid: fixed-height rows, only the visible ones in the DOM, fetched
 * 200 at a time as they scroll into view. A click or Enter opens a result; ↑/↓ or j/k move.
 */
export function ResultsGrid() {
  const query = useResults(selectResultQuery)
  const active = useResults(selectActiveResult)
  const queryKey = useResults((s) => s.key)
  const filtered = useResults(selectIsResultsFiltered)
  const labels = useVersionLabels()
  const { openDetail, openPending } = useResults(selectResultsActions)
  const scroller = useRef<HTMLDivElement>(null)
  const known = useResultTotal(query)
  const total = known ?? 0

  // The virtualizer is one stable object read afresh on every render; nothing memoised caches its results.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => resultRowHeight,
    // A few rows past the edges: a flick jumps further than any overscan, and each row costs layout a frame.
    overscan: 3,
    paddingStart: resultRowHeight,
    scrollPaddingStart: resultRowHeight,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0
  // The pages of the rows this render shows, read in this same render: a page already in the cache shows at
  // once, never as a frame of "Loading…" while a range kept in state catches up.
  const view = useResultPages(query, first, last)
  usePrefetchPages(query, pageStart(first), pageStart(last), known)

  useEffect(() => {
    scroller.current?.scrollTo?.({ top: 0 })
  }, [queryKey])

  // A failing case clicked in a gate opens its result as soon as the filtered grid has it.
  const firstRow = view.rowAt(0)
  useEffect(() => {
    openPending(firstRow, known)
  }, [openPending, firstRow, known])

  const onKeyDown = useResultKeys({ total, virtualizer, scroller, rowAt: view.rowAt })

  return (
    <div className="results-grid-wrap">
      {view.error ? (
        <ErrorNotice title="Could not load results" error={view.error} testId="results-error" />
      ) : null}
      <div
        ref={scroller}
        className="results-scroller"
        data-testid="results-grid"
        data-total={known ?? undefined}
        role="grid"
        aria-label="Results"
        aria-rowcount={total + 1}
        aria-colcount={resultColumns.length}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onClick={(event) => {
          const index = rowIndexOf(event.target)
          const row = index === null ? null : view.rowAt(index)
          if (index !== null && row) openDetail(index, row)
        }}
      >
        <div className="results-canvas" style={{ ...resultLayout, height: virtualizer.getTotalSize() }}>
          <div className="result-row result-head" role="row" aria-rowindex={1}>
            {resultColumns.map((c) => (
              <div key={c.id} role="columnheader" className={`result-cell${'numeric' in c ? ' num' : ''}`}>
                {c.label}
              </div>
            ))}
          </div>
          {items.map((item) => {
            const row = view.rowAt(item.index)
            return (
              <ResultRow
                // Keyed by slot, not by row: a row scrolled out hands its elements to the one scrolled in.
                key={item.index % items.length}
                index={item.index}
                start={item.start}
                row={row}
                active={item.index === active}
                version={row ? versionLabel(labels, row.promptVersionId) : ''}
              />
            )
          })}
        </div>
        {known === 0 ? (
          <p className="results-empty muted" data-testid="results-empty">
            {filtered
              ? 'No result matches these filters.'
              : 'No results yet: they appear here as calls finish.'}
          </p>
        ) : null}
      </div>
    </div>
  )
}

/** The first row of `index`'s page: the prefetch looks ahead once per page scrolled, not once per frame. */
function pageStart(index: number): number {
  return index - (index % resultPageSize)
}

function rowIndexOf(target: EventTarget): number | null {
  if (!(target instanceof Element)) return null
  const row = target.closest<HTMLElement>('[data-testid="result-row"]')
  const index = row?.dataset.index
  return index === undefined ? null : Number(index)
}

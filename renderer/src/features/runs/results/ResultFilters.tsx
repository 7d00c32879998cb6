import { useEffect, useState } from 'react'
import type { RunPlan } from '../../../../../shared/domain/runs'
import { distinctModels, identityOf, modelRefOf } from '../../../../../shared/lib/model-identity'
import { modelLabel, parseModelKey } from '../../../../../shared/lib/model-ref'
import { useResultPages } from '../../../queries/results'
import { useResults } from '../../../stores/hooks'
import { useVersionLabels, versionLabel } from '../../../queries/catalog'
import { isSimulated } from '../../../stores/runs/new-run-plan'
import {
  selectIsResultsFiltered,
  selectResultQuery,
  selectResultsActions,
} from '../../../stores/runs/selectors'

export const caseFilterDelayMs = 300

/**
 * Narrow the results by case id, model (provider/model: the same model id through two providers is two
 * models), prompt version and outcome; the count says how many match.
 */
export function ResultFilters({ plan }: { plan: RunPlan }) {
  const query = useResults(selectResultQuery)
  // The first page says how many rows match (the grid asks for it too: one cached query).
  const total = useResultPages(query, 0, 0).total
  const labels = useVersionLabels()
  const { setFilter, clearFilters } = useResults(selectResultsActions)
  const filtered = useResults(selectIsResultsFiltered)
  const models = distinctModels(plan.models)
  const chosen = query?.provider && query.modelId ? modelLabel(modelRefOf(query)) : ''

  return (
    <div className="toolbar results-filters" role="group" aria-label="Filter results">
      <CaseFilter
        applied={query ? query.caseKey || query.caseId : ''}
        onApply={(caseKey) => setFilter({ caseKey, caseId: '' })}
      />
      <label className="inline-field">
        <span>Model</span>
        <select
          data-testid="results-filter-model"
          value={chosen}
          onChange={(e) => {
            const model = parseModelKey(e.target.value)
            setFilter(model ? identityOf(model) : { provider: '', modelId: '' })
          }}
        >
          <option value="">All models</option>
          {models.map((m) => (
            <option
              key={modelLabel(m)}
              value={modelLabel(m)}
              title={isSimulated(m) ? 'simulated' : undefined}
            >
              {modelLabel(m)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Version</span>
        <select
          data-testid="results-filter-version"
          value={query?.promptVersionId ?? ''}
          onChange={(e) => setFilter({ promptVersionId: e.target.value })}
        >
          <option value="">All versions</option>
          {plan.promptVersionIds.map((id) => (
            <option key={id} value={id}>
              {versionLabel(labels, id, true)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Outcome</span>
        <select
          data-testid="results-filter-status"
          value={query?.status ?? ''}
          onChange={(e) =>
            setFilter({ status: e.target.value === 'ok' || e.target.value === 'error' ? e.target.value : '' })
          }
        >
          <option value="">All</option>
          <option value="ok">OK</option>
          <option value="error">Errors</option>
        </select>
      </label>
      {filtered ? (
        <button
          type="button"
          className="link-button"
          data-testid="results-clear-filters"
          onClick={clearFilters}
        >
          Clear filters
        </button>
      ) : null}
      <span className="toolbar-gap" />
      <span
        className="results-total"
        data-testid="results-total"
        data-total={total ?? undefined}
        aria-live="polite"
      >
        {total === null
          ? 'Loading results…'
          : `${total.toLocaleString()} ${total === 1 ? 'result' : 'results'}`}
      </span>
    </div>
  )
}

/** A case's key (as its dataset names it), applied 300 ms after the last keystroke (Enter applies at once, Esc clears). */
function CaseFilter({ applied, onApply }: { applied: string; onApply: (caseKey: string) => void }) {
  const [text, setText] = useState(applied)
  const [sent, setSent] = useState(applied)
  if (applied !== sent) {
    setSent(applied)
    setText(applied)
  }
  useEffect(() => {
    if (text === sent) return
    const timer = setTimeout(() => {
      setSent(text)
      onApply(text)
    }, caseFilterDelayMs)
    return () => clearTimeout(timer)
  }, [text, sent, onApply])

  return (
    <label className="inline-field">
      <span>Case</span>
      <input
        type="search"
        className="mono-input results-case-filter"
        data-testid="results-filter-case"
        placeholder="case key"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            setSent(text)
            onApply(text)
          } else if (e.key === 'Escape' && text) {
            e.preventDefault()
            setText('')
          }
        }}
      />
    </label>
  )
}

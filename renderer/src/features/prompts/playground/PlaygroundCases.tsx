import { playgroundLimits, type PlaygroundCases as Cases } from '../../../../../shared/domain/playground'
import { useRpcQuery } from '../../../api/query'
import { useDatasetList } from '../../../queries/datasets'

interface Props {
  cases: Cases
  onChange: (cases: Cases) => void
  /** The prompt's variables, for typed cases. */
  variables: readonly string[]
}

const emptyDataset: Cases = { kind: 'dataset', datasetId: '', caseIds: [] }

/** 1–5 cases: picked from a dataset (its first 50, or found by key), or variables typed for each. */
export function PlaygroundCases({ cases, onChange, variables }: Props) {
  return (
    <fieldset className="playground-cases" data-testid="playground-cases">
      <legend>Cases (1–{playgroundLimits.cases})</legend>
      <div className="segmented" role="radiogroup" aria-label="Cases from">
        <label className="segment">
          <input
            type="radio"
            name="playground-cases-from"
            data-testid="playground-cases-dataset"
            checked={cases.kind === 'dataset'}
            onChange={() => onChange(emptyDataset)}
          />
          Dataset cases
        </label>
        <label className="segment">
          <input
            type="radio"
            name="playground-cases-from"
            data-testid="playground-cases-typed"
            checked={cases.kind === 'typed'}
            onChange={() => onChange({ kind: 'typed', vars: [blankVars(variables)] })}
          />
          Type values
        </label>
      </div>
      {cases.kind === 'dataset' ? (
        <DatasetCases cases={cases} onChange={onChange} />
      ) : (
        <TypedCases
          rows={cases.vars}
          variables={variables}
          onChange={(vars) => onChange({ kind: 'typed', vars })}
        />
      )}
    </fieldset>
  )
}

const blankVars = (variables: readonly string[]) => Object.fromEntries(variables.map((v) => [v, '']))

type DatasetPick = Extract<Cases, { kind: 'dataset' }>

function DatasetCases({ cases, onChange }: { cases: DatasetPick; onChange: (c: Cases) => void }) {
  const { datasets } = useDatasetList()
  const page = useRpcQuery(
    'datasets.cases',
    cases.datasetId ? { datasetId: cases.datasetId, offset: 0, limit: 50 } : null,
  )
  const full = cases.caseIds.length >= playgroundLimits.cases
  const toggle = (id: string, on: boolean) =>
    onChange({ ...cases, caseIds: on ? [...cases.caseIds, id] : cases.caseIds.filter((c) => c !== id) })
  return (
    <>
      <label className="field">
        <span className="field-label">Dataset</span>
        <select
          data-testid="playground-dataset"
          value={cases.datasetId}
          onChange={(e) => onChange({ kind: 'dataset', datasetId: e.target.value, caseIds: [] })}
        >
          <option value="">Choose a dataset…</option>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.caseCount})
            </option>
          ))}
        </select>
      </label>
      <ul className="playground-case-list" aria-label="Cases to try">
        {(page.data?.cases ?? []).map((c) => {
          const picked = cases.caseIds.includes(c.id)
          return (
            <li key={c.id}>
              <label>
                <input
                  type="checkbox"
                  data-testid="playground-case"
                  data-case-key={c.key}
                  checked={picked}
                  disabled={!picked && full}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
                {c.key}
              </label>
            </li>
          )
        })}
      </ul>
      <p className="muted" data-testid="playground-case-count">
        {cases.caseIds.length} of at most {playgroundLimits.cases} picked
        {page.data && page.data.total > 50 ? ` · the first 50 of ${page.data.total} are listed` : ''}
      </p>
    </>
  )
}

interface TypedProps {
  rows: Record<string, string>[]
  variables: readonly string[]
  onChange: (rows: Record<string, string>[]) => void
}

function TypedCases({ rows, variables, onChange }: TypedProps) {
  const set = (i: number, name: string, value: string) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, [name]: value } : row)))
  if (variables.length === 0)
    return <p className="muted">This prompt has no variables: one case runs it as is.</p>
  return (
    <div className="playground-typed">
      {rows.map((row, i) => (
        <div key={i} className="playground-typed-case" data-testid="playground-typed-case">
          <strong>typed-{i + 1}</strong>
          {variables.map((name) => (
            <label key={name} className="field">
              <span className="field-label">{name}</span>
              <textarea
                rows={2}
                aria-label={`${name} of typed case ${i + 1}`}
                value={row[name] ?? ''}
                onChange={(e) => set(i, name, e.target.value)}
              />
            </label>
          ))}
          {rows.length > 1 ? (
            <button
              type="button"
              className="link-button"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              Remove typed-{i + 1}
            </button>
          ) : null}
        </div>
      ))}
      {rows.length < playgroundLimits.cases ? (
        <button type="button" className="button" onClick={() => onChange([...rows, blankVars(variables)])}>
          Add a case
        </button>
      ) : null}
    </div>
  )
}

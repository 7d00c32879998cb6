import { useId, useState } from 'react'
import { maxGeneratedCases } from '../../../../../shared/domain/case-drafts'
import { parseModelKey } from '../../../../../shared/lib/model-ref'
import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import { plural } from '../../../components/format'
import { toErrorInfo } from '../../../api'
import { useGenerateCases } from '../../../queries/case-drafts'
import { useKnownModelKeys } from '../../../queries/providers'
import { selectDetailActions, selectGenerateTags } from '../../../stores/datasets/selectors'
import { useDatasetDetail } from '../../../stores/hooks'

/** The simulated model when the workspace has it: it answers offline, at no cost. */
const preferredModel = (known: readonly string[]): string =>
  known.find((k) => k.startsWith('demo/')) ?? known[0] ?? ''

/**
 * Asks a model for N new cases like the segment's (cases carrying every chosen tag). The cases come back as
 * drafts to review; nothing reaches the dataset until a draft is accepted.
 */
export function GenerateDialog({
  datasetId,
  tagCounts,
}: {
  datasetId: string
  tagCounts: Record<string, number>
}) {
  const tags = useDatasetDetail(selectGenerateTags)
  const { closeDialog, showGenerated } = useDatasetDetail(selectDetailActions)
  const known = useKnownModelKeys()
  const [typed, setTyped] = useState<string | null>(null)
  const [count, setCount] = useState(10)
  const listId = useId()
  const generate = useGenerateCases()
  const modelText = typed ?? preferredModel(known)
  const model = parseModelKey(modelText)
  const countOk = Number.isInteger(count) && count >= 1 && count <= maxGeneratedCases
  const segmentSize = tags.length === 1 ? (tagCounts[tags[0] ?? ''] ?? 0) : null

  const onSubmit = () => {
    if (!model || !countOk || generate.isPending) return
    generate.mutate(
      { datasetId, tags: [...tags], model, count },
      {
        onSuccess: (result) => showGenerated(result),
      },
    )
  }

  return (
    <Dialog title="Generate cases" testId="generate-dialog" onClose={closeDialog}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault()
          onSubmit()
        }}
      >
        <p data-testid="generate-segment">
          {tags.length > 0 ? (
            <>
              New cases like those tagged <strong>{tags.join(' + ')}</strong>
              {segmentSize !== null ? ` (${plural(segmentSize, 'case')} now)` : ''}.
            </>
          ) : (
            'New cases like the dataset’s cases (no tag filter is set).'
          )}{' '}
          They come back as drafts to review; none is added until you accept it.
        </p>
        <Field
          label="Model"
          hint="provider/model, e.g. demo/triage-sim-2026-03 or a model of your own provider"
        >
          <input
            type="text"
            data-testid="generate-model"
            data-autofocus
            list={listId}
            value={modelText}
            onChange={(e) => setTyped(e.target.value)}
          />
        </Field>
        <datalist id={listId}>
          {known.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <Field
          label="Number of cases"
          error={countOk ? undefined : `Choose between 1 and ${maxGeneratedCases}`}
        >
          <input
            type="number"
            data-testid="generate-count"
            min={1}
            max={maxGeneratedCases}
            value={Number.isNaN(count) ? '' : count}
            onChange={(e) => setCount(e.target.valueAsNumber)}
          />
        </Field>
        {modelText !== '' && !model ? (
          <p className="field-error" role="alert">
            Type the model as provider/model, e.g. demo/triage-sim-2026-03.
          </p>
        ) : null}
        {generate.error ? (
          <ErrorNotice
            title="No cases generated"
            error={toErrorInfo(generate.error)}
            testId="generate-error"
          />
        ) : null}
        {generate.isPending ? (
          <p className="muted" data-testid="generate-busy">
            Asking {modelText} for {plural(count, 'case')}…
          </p>
        ) : null}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid="generate-confirm"
            disabled={!model || !countOk || generate.isPending}
          >
            Generate {countOk ? plural(count, 'case') : 'cases'}
          </button>
        </footer>
      </form>
    </Dialog>
  )
}

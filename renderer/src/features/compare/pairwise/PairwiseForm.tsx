import { useState } from 'react'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import { modelKey, parseModelKey } from '../../../../../shared/lib/model-ref'
import { useKnownModelKeys } from '../../../queries/providers'
import { useRubricList } from '../../../queries/rubrics'
import { simulatedModels } from '../../../stores/runs/new-run-plan'

export interface PairwiseChoice {
  rubricId: string
  criterionKey: string
  judge: ModelRef
}

interface Props {
  disabled: boolean
  onStart: (choice: PairwiseChoice) => void
}

/** A rubric criterion and a judge model: what a new pairwise comparison is judged on and by. */
export function PairwiseForm({ disabled, onStart }: Props) {
  const { rubrics } = useRubricList()
  const known = useKnownModelKeys()
  const [rubricId, setRubricId] = useState('')
  const [criterionKey, setCriterionKey] = useState('')
  const [judgeText, setJudgeText] = useState('')
  const rubric = rubrics.find((r) => r.id === rubricId)
  const judge = parseModelKey(judgeText.trim())
  const ready = rubric !== undefined && criterionKey !== '' && judge !== null
  const models = [...new Set([...simulatedModels.map(modelKey), ...known])]
  return (
    <form
      className="pairwise-form"
      data-testid="pairwise-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (ready) onStart({ rubricId: rubric.id, criterionKey, judge })
      }}
    >
      <label>
        Rubric{' '}
        <select
          data-testid="pairwise-rubric"
          value={rubricId}
          onChange={(e) => {
            setRubricId(e.target.value)
            setCriterionKey('')
          }}
        >
          <option value="">Choose a rubric…</option>
          {rubrics.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} (v{r.version})
            </option>
          ))}
        </select>
      </label>
      <label>
        Criterion{' '}
        <select
          data-testid="pairwise-criterion"
          value={criterionKey}
          disabled={!rubric}
          onChange={(e) => setCriterionKey(e.target.value)}
        >
          <option value="">Choose a criterion…</option>
          {rubric?.criteria.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Judge model{' '}
        <input
          type="text"
          className="mono-input"
          data-testid="pairwise-judge"
          list="pairwise-judge-models"
          placeholder="provider/model"
          spellCheck={false}
          value={judgeText}
          onChange={(e) => setJudgeText(e.target.value)}
        />
      </label>
      <datalist id="pairwise-judge-models">
        {models.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <button type="submit" data-testid="pairwise-start" disabled={disabled || !ready}>
        Judge A vs B
      </button>
    </form>
  )
}

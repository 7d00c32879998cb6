import { Field } from '../../../components/Field'
import { TextEditor } from '../../../lib/monaco'
import { memoryLimitRange, timeLimitRange } from '../../../stores/scoring/code-form'
import type { ScorerForm } from '../../../stores/scoring/scorer-form'
import { CodeTestPanel } from './CodeTestPanel'
import type { PatchScorer } from './ScorerEditor'
import { useCodeTry } from './use-code-try'

interface Props {
  form: ScorerForm
  patch: PatchScorer
  promptVersionIds: readonly string[]
}

/** A JavaScript scorer: its source in Monaco, its per-call limits, and a panel that tries it on a stored result. */
export function CodeScorerFields({ form, patch, promptVersionIds }: Props) {
  const tryer = useCodeTry(form, promptVersionIds)
  return (
    <div className="suite-fields code-scorer-fields">
      <div className="code-scorer-source" data-testid="scorer-source">
        <TextEditor
          value={form.source}
          language="javascript"
          ariaLabel="Code scorer source"
          onChange={(source) => patch({ source })}
          onCtrlEnter={tryer.run}
        />
      </div>
      <div className="field-row">
        <Field label="Time limit (ms)" className="narrow" hint="Per result; a scorer over it is an error.">
          <input
            type="number"
            data-testid="scorer-time-limit"
            min={timeLimitRange.min}
            max={timeLimitRange.max}
            step={1}
            value={form.timeLimitMs}
            onChange={(e) => patch({ timeLimitMs: e.target.value })}
          />
        </Field>
        <Field label="Memory limit (MB)" className="narrow" hint="Per result.">
          <input
            type="number"
            data-testid="scorer-memory-limit"
            min={memoryLimitRange.min}
            max={memoryLimitRange.max}
            step={1}
            value={form.memoryLimitMb}
            onChange={(e) => patch({ memoryLimitMb: e.target.value })}
          />
        </Field>
      </div>
      <CodeTestPanel tryer={tryer} />
    </div>
  )
}

import { useEffect, useState } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import type { ImportOutcome } from '../../../stores/datasets/import-store'
import { selectImportActions } from '../../../stores/datasets/import-selectors'
import { useDatasetImport, usePrompts } from '../../../stores/hooks'
import { selectPromptActions, selectPromptList } from '../../../stores/prompts/selectors'
import { notRunText } from '../import/AssertionsNotice'

/**
 * After a promptfoo file with assertions is imported: one click adds a "promptfoo assertions" scorer to the
 * suite of the prompt picked in the wizard (or one picked here), with a judge model when llm-rubric needs one.
 */
export function AssertionsScorerOffer({ outcome }: { outcome: ImportOutcome }) {
  const prompts = usePrompts(selectPromptList)
  const { ensureLoaded } = usePrompts(selectPromptActions)
  const { addAssertionsScorer } = useDatasetImport(selectImportActions)
  const [chosen, setChosen] = useState(outcome.promptId ?? '')
  useEffect(() => {
    void ensureLoaded()
  }, [ensureLoaded])
  const summary = outcome.summary.promptfooAssertions
  if (!summary) return null
  const promptId = chosen || prompts[0]?.id || ''
  const promptName = prompts.find((p) => p.id === promptId)?.name ?? 'a prompt'
  const added = outcome.addedScorer
  return (
    <div className="assertions-offer" data-testid="assertions-offer">
      {summary.notRun.length > 0 ? (
        <p className="warning" data-testid="assertions-offer-not-run">
          Not run by Eval Lab: {notRunText(summary)} — kept in the cases, reported as not scored.
        </p>
      ) : null}
      {added ? (
        <p role="status" data-testid="assertions-offer-done">
          {added.alreadyThere
            ? `${added.promptName}'s suite already has a promptfoo assertions scorer (${added.metric}).`
            : `Added a “promptfoo assertions” scorer (${added.metric}) to ${added.promptName}'s suite, version ${added.suiteVersion}.`}
          {added.judgeModel
            ? ` llm-rubric is graded by ${added.judgeModel.provider}/${added.judgeModel.model}.`
            : ''}
        </p>
      ) : prompts.length === 0 ? null : (
        <p>
          {outcome.promptId ? null : (
            <select
              aria-label="Prompt whose suite gets the scorer"
              data-testid="assertions-offer-prompt"
              value={promptId}
              onChange={(e) => setChosen(e.target.value)}
            >
              {prompts.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}{' '}
          <button
            type="button"
            className="button"
            data-testid="assertions-offer-add"
            disabled={!promptId || outcome.scorer.status === 'busy'}
            onClick={() => void addAssertionsScorer(promptId)}
          >
            Add a ‘promptfoo assertions’ scorer to {promptName}’s suite
          </button>
        </p>
      )}
      {outcome.scorer.error ? (
        <ErrorNotice
          title="The scorer was not added"
          error={outcome.scorer.error}
          testId="assertions-offer-error"
        />
      ) : null}
    </div>
  )
}

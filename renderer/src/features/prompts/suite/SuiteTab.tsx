import { useEffect } from 'react'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useRubricList } from '../../../queries/rubrics'
import { useSuiteEditor } from '../../../queries/suite'
import { useSuite } from '../../../stores/hooks'
import { selectSuiteActions } from '../../../stores/scoring/selectors'
import { GateList } from './GateList'
import { ScorerList } from './ScorerList'
import { SuiteHeader } from './SuiteHeader'
import { SuiteSaveBar } from './SuiteSaveBar'

/**
 * The prompt's eval suite: the scorers that score every run of it and the gate rules a version must pass
 * before prod. Edited as a draft, saved as a new suite version with a message.
 */
export function SuiteTab({ detail }: { detail: PromptDetail }) {
  const promptId = detail.prompt.id
  const { suite, query, error, draft, dirty } = useSuiteEditor(promptId)
  const { rubrics } = useRubricList()
  const { show } = useSuite(selectSuiteActions)

  useEffect(() => {
    show(promptId)
  }, [show, promptId])

  return (
    <div className="suite-tab" role="tabpanel" aria-labelledby="tab-suite">
      {error ? (
        <ErrorNotice title="Could not load the eval suite" error={error} testId="suite-error" />
      ) : null}
      {!suite && query.isPending ? <p className="muted">Loading the eval suite…</p> : null}
      {/* Keyed by prompt: another prompt starts with no save or import outcome shown. */}
      {suite ? (
        <section key={promptId} className="suite-editor" data-testid="suite-editor" aria-label="Eval suite">
          <SuiteHeader suite={suite} />
          <ScorerList
            scorers={draft.scorers}
            rubrics={rubrics}
            pinnedModel={detail.version.model}
            promptVersionIds={detail.versions.map((v) => v.id)}
          />
          <GateList draft={draft} rubrics={rubrics} />
          <SuiteSaveBar suite={suite} draft={draft} dirty={dirty} />
        </section>
      ) : null}
    </div>
  )
}

import { useEffect } from 'react'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useRubricList } from '../../../queries/rubrics'
import { useSuite } from '../../../stores/hooks'
import {
  selectSuite,
  selectSuiteActions,
  selectSuiteDraft,
  selectSuiteLoad,
  selectSuitePromptId,
} from '../../../stores/scoring/selectors'
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
  const shownFor = useSuite(selectSuitePromptId)
  const suite = useSuite(selectSuite)
  const load = useSuite(selectSuiteLoad)
  const draft = useSuite(selectSuiteDraft)
  const { rubrics } = useRubricList()
  const { open } = useSuite(selectSuiteActions)

  useEffect(() => {
    void open(promptId)
  }, [open, promptId])

  const mine = shownFor === promptId ? suite : null
  return (
    <div className="suite-tab" role="tabpanel" aria-labelledby="tab-suite">
      {load.error ? (
        <ErrorNotice title="Could not load the eval suite" error={load.error} testId="suite-error" />
      ) : null}
      {!mine && load.status === 'loading' ? <p className="muted">Loading the eval suite…</p> : null}
      {mine ? (
        <section className="suite-editor" data-testid="suite-editor" aria-label="Eval suite">
          <SuiteHeader suite={mine} />
          <ScorerList scorers={draft.scorers} rubrics={rubrics} pinnedModel={detail.version.model} />
          <GateList draft={draft} rubrics={rubrics} />
          <SuiteSaveBar />
        </section>
      ) : null}
    </div>
  )
}

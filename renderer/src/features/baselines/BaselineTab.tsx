import { useEffect } from 'react'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useBaselineFolder } from '../../stores/baselines/hooks'
import { selectFolderActions } from '../../stores/baselines/selectors'
import { BaselineList } from './BaselineList'
import { ExportPanel } from './ExportPanel'
import { ImportPanel } from './ImportPanel'
import { SignoffList } from './SignoffList'
import { VerifyPanel } from './VerifyPanel'

/**
 * The prompt's signed-off baselines and the folder the team keeps them in: who signed what, export to the
 * repository (optionally committing), verify a folder, import one.
 */
export function BaselineTab({ detail }: { detail: PromptDetail }) {
  const promptId = detail.prompt.id
  const shownFor = useBaselineFolder((s) => s.promptId)
  const load = useBaselineFolder((s) => s.load)
  const { open } = useBaselineFolder(selectFolderActions)
  useEffect(() => {
    void open(promptId)
  }, [open, promptId])

  const mine = shownFor === promptId
  return (
    <section
      className="baseline-tab"
      role="tabpanel"
      aria-labelledby="tab-baseline"
      data-testid="baseline-tab"
    >
      {load.error ? (
        <ErrorNotice title="Could not load baselines" error={load.error} testId="baseline-tab-error" />
      ) : null}
      {mine && load.status === 'loading' ? <p className="muted">Loading baselines…</p> : null}
      {mine ? (
        <>
          <BaselineList detail={detail} />
          <SignoffList />
          <ExportPanel promptId={promptId} />
          <VerifyPanel />
          <ImportPanel />
        </>
      ) : null}
    </section>
  )
}

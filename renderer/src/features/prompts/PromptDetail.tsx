import type { PromptDetail as Detail } from '../../../../shared/domain/prompts'
import { useNavigation, usePrompts } from '../../stores/hooks'
import {
  latestNumber,
  selectIsReadOnly,
  selectNotice,
  selectPromptActions,
  selectTab,
} from '../../stores/prompts/selectors'
import { BaselineTab } from '../baselines/BaselineTab'
import { DetailHeader } from './detail/DetailHeader'
import { DetailTabs } from './detail/DetailTabs'
import { DiffTab } from './diff/DiffTab'
import { EditorTab } from './editor/EditorTab'
import { ReadOnlyBanner } from './editor/ReadOnlyBanner'
import { PromotionDialog } from './environments/PromotionDialog'
import { RollbackDialog } from './environments/RollbackDialog'
import { HistoryTab } from './history/HistoryTab'
import { PlaygroundTab } from './playground/PlaygroundTab'
import { SuiteTab } from './suite/SuiteTab'
import { useSaveShortcut } from '../../components/use-ctrl-shortcut'

/** One prompt at one version: header with environments, then the Editor, Playground, Diff, History and Eval suite tabs. */
export function PromptDetail({ detail }: { detail: Detail }) {
  const readOnly = usePrompts(selectIsReadOnly)
  const notice = usePrompts(selectNotice)
  const tab = usePrompts(selectTab)
  const { saveVersion, dismissNotice } = usePrompts(selectPromptActions)
  const nav = useNavigation()
  const { version } = detail
  useSaveShortcut(() => {
    if (tab === 'editor') void saveVersion()
  })

  return (
    <article
      className="prompt-detail"
      data-testid="prompt-detail"
      data-prompt-id={detail.prompt.id}
      data-version-number={version.number}
      data-read-only={readOnly ? 'true' : 'false'}
    >
      <DetailHeader detail={detail} />
      {readOnly && tab === 'editor' ? (
        <ReadOnlyBanner
          shownNumber={version.number}
          latestNumber={latestNumber(detail)}
          onBack={() => void nav.openVersion(null)}
        />
      ) : null}
      {notice ? (
        <div className="banner warn" role="alert" data-testid="prompts-notice">
          <span>{notice}</span>
          <button type="button" className="link-button" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      ) : null}
      <DetailTabs tab={tab} onSelect={nav.setTab} />
      {tab === 'editor' ? <EditorTab detail={detail} /> : null}
      {tab === 'playground' ? <PlaygroundTab detail={detail} /> : null}
      {tab === 'diff' ? <DiffTab detail={detail} /> : null}
      {tab === 'history' ? <HistoryTab detail={detail} /> : null}
      {tab === 'suite' ? <SuiteTab detail={detail} /> : null}
      {tab === 'baseline' ? <BaselineTab detail={detail} /> : null}
      <PromotionDialog />
      <RollbackDialog detail={detail} />
    </article>
  )
}

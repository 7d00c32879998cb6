import { useMemo, useState } from 'react'
import type { ErrorInfo, MethodInput } from '../../../../../shared/contract'
import type { PlaygroundCases as Cases } from '../../../../../shared/domain/playground'
import type { ModelRef, PromptDetail } from '../../../../../shared/domain/prompts'
import { useRpcQuery } from '../../../api/query'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { shortcutLabel } from '../../../components/shortcuts'
import { useCtrlShortcut } from '../../../components/use-ctrl-shortcut'
import { usePrompts, useStores } from '../../../stores/hooks'
import { buildSaveInput } from '../../../stores/prompts/save-input'
import { selectDetail, selectIsDirty, selectIsReadOnly } from '../../../stores/prompts/selectors'

const selectDraft = (s: PromptsState) => s.draft
import type { PromptsState } from '../../../stores/prompts/prompts-store'
import { PlaygroundAnswers } from './PlaygroundAnswers'
import { PlaygroundCases } from './PlaygroundCases'
import { PlaygroundModels } from './PlaygroundModels'
import { SaveAsRun } from './SaveAsRun'
import { usePlayground } from './use-playground'

type Draft = NonNullable<MethodInput<'playground.start'>['draft']>
type Tried = { draft: Draft | null } | { problem: string }

/** The editor's unsaved edits as the playground sends them (only when the latest version is being edited). */
function triedOf(s: Pick<PromptsState, 'detail' | 'draft'>): Tried {
  if (!s.detail || !s.draft || selectIsReadOnly(s) || !selectIsDirty(s)) return { draft: null }
  const built = buildSaveInput(s.detail.version, s.draft, 'playground', false)
  if ('problem' in built) return built
  return { draft: { messages: built.input.messages, params: built.input.params ?? s.detail.version.params } }
}

/** Try the shown version, or the editor's unsaved edits, on a few cases and models before spending a run. */
export function PlaygroundTab({ detail }: { detail: PromptDetail }) {
  const stores = useStores()
  const shown = usePrompts(selectDetail)
  const edits = usePrompts(selectDraft)
  // Derived, not selected: a selector returning a new object each time would re-render for ever.
  const tried = useMemo(() => triedOf({ detail: shown, draft: edits }), [shown, edits])
  const { version } = detail
  const [cases, setCases] = useState<Cases>({ kind: 'dataset', datasetId: '', caseIds: [] })
  const [models, setModels] = useState<ModelRef[]>([version.model])
  const play = usePlayground()
  const draft = 'draft' in tried ? tried.draft : null
  const messages = draft?.messages ?? version.messages
  const params = draft?.params ?? version.params
  const preview = useRpcQuery('prompts.preview', { messages, model: version.model, params, vars: {} })
  const running = play.session?.status === 'running'
  const ready = 'draft' in tried && casesChosen(cases) && models.every((m) => m.model.trim() !== '')

  const run = () => {
    if (!ready || running || play.busy) return
    const input = { promptVersionId: version.id, cases, models, ...(draft ? { draft } : {}) }
    void play.start(input)
  }
  useCtrlShortcut('enter', run)

  const saveDraft = async (message: string): Promise<{ versionId: string } | { error: ErrorInfo }> => {
    const { actions } = stores.prompts.getState()
    actions.setCommitMessage(message)
    await actions.saveVersion()
    const after = stores.prompts.getState()
    if (after.save.status === 'saved' && after.detail) return { versionId: after.detail.version.id }
    return { error: after.save.error ?? { code: 'INTERNAL', message: 'The version was not saved.' } }
  }

  return (
    <div
      className="playground-tab"
      role="tabpanel"
      aria-labelledby="tab-playground"
      data-testid="playground-tab"
    >
      <p className="muted" data-testid="playground-tried">
        {draft
          ? `Trying your unsaved edits to v${version.number}. Nothing is stored until you save the answers as a run.`
          : `Trying v${version.number} as saved. Nothing is stored until you save the answers as a run.`}
      </p>
      {'problem' in tried ? (
        <ErrorNotice
          title="Cannot try these edits"
          error={{ code: 'INVALID_INPUT', message: tried.problem }}
        />
      ) : null}
      <div className="playground-setup">
        <PlaygroundCases cases={cases} onChange={setCases} variables={preview.data?.variables ?? []} />
        <PlaygroundModels models={models} onChange={setModels} />
      </div>
      <div className="playground-actions">
        <button
          type="button"
          className="button primary"
          data-testid="playground-run"
          disabled={!ready || running || play.busy}
          onClick={run}
        >
          Run <kbd>{shortcutLabel('Enter')}</kbd>
        </button>
        {running ? (
          <button
            type="button"
            className="button"
            data-testid="playground-cancel"
            onClick={() => void play.cancel()}
          >
            Cancel
          </button>
        ) : null}
        <span className="muted">
          {cellCount(cases, models)} calls through each provider’s limits; scored with the suite’s format,
          rule and code scorers (judges run in a full run).
        </span>
      </div>
      {play.error ? (
        <ErrorNotice title="The playground could not do that" error={play.error} testId="playground-error" />
      ) : null}
      {play.session ? (
        <>
          <PlaygroundAnswers session={play.session} />
          <SaveAsRun
            session={play.session}
            baseNumber={baseNumberOf(detail, play.session.promptVersionId)}
            saved={play.saved}
            busy={play.busy}
            save={play.save}
            saveDraft={saveDraft}
          />
        </>
      ) : null}
    </div>
  )
}

function casesChosen(cases: Cases): boolean {
  return cases.kind === 'typed' ? cases.vars.length > 0 : cases.caseIds.length > 0
}

function cellCount(cases: Cases, models: readonly ModelRef[]): number {
  return (cases.kind === 'typed' ? cases.vars.length : cases.caseIds.length) * models.length
}

/** The number of the version a session ran (or started its edits from), whatever the editor shows since. */
function baseNumberOf(detail: PromptDetail, versionId: string): number {
  return detail.versions.find((v) => v.id === versionId)?.number ?? detail.version.number
}

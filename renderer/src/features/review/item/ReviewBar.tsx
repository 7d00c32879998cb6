import type { ReviewItem } from '../../../../../shared/domain/review'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useSession } from '../../../stores/hooks'
import { selectSaveError, selectSaveStatus, selectSessionActions } from '../../../stores/review/selectors'

const saveText = { idle: '', saving: 'Saving…', saved: 'Saved', error: 'Not saved' } as const

/** Where the reviewer is (7 / 20), whether the last change reached the core, and the item moves. */
export function ReviewBar({ item }: { item: ReviewItem }) {
  const save = useSession(selectSaveStatus)
  const saveError = useSession(selectSaveError)
  const { step, undo, close } = useSession(selectSessionActions)

  return (
    <header className="review-bar">
      <span className="review-progress" data-testid="review-progress">
        {item.position} / {item.total}
      </span>
      <progress
        max={item.total}
        value={item.position}
        aria-label={`Item ${item.position} of ${item.total}`}
      />
      {item.caseKey ? <span className="muted">{item.caseKey}</span> : null}
      <span className="review-saved" role="status">
        {save === 'idle' ? null : (
          <span data-testid="review-saved" data-status={save}>
            {saveText[save]}
          </span>
        )}
      </span>
      <span className="toolbar">
        <button type="button" className="button small" onClick={() => void step(-1)}>
          Previous <kbd>k</kbd>
        </button>
        <button type="button" className="button small" onClick={() => void step(1)}>
          Next <kbd>j</kbd>
        </button>
        <button type="button" className="button small" data-testid="review-undo" onClick={() => void undo()}>
          Undo <kbd>u</kbd>
        </button>
        <button type="button" className="button small" onClick={close}>
          Stop
        </button>
      </span>
      {saveError ? <ErrorNotice title="Your last change was not saved" error={saveError} /> : null}
    </header>
  )
}

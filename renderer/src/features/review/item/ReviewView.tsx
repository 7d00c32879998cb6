import { useMemo, useRef, useState } from 'react'
import type { Queue } from '../../../../../shared/domain/review'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useSession } from '../../../stores/hooks'
import {
  reviewedCriteria,
  selectSessionActions,
  selectSessionDone,
  selectSessionItem,
  selectSessionLoad,
} from '../../../stores/review/selectors'
import { CommentBox } from './CommentBox'
import { CriteriaList, PreferencePicker } from './CriteriaList'
import { ConversationPanel, ExpectedPanel, InputPanel, OutputPanel } from './ItemPanels'
import { ReviewBar } from './ReviewBar'
import { ReviewDone } from './ReviewDone'
import { ShortcutList } from './ShortcutList'
import { SkipBox } from './SkipBox'
import { useReviewKeys } from './use-review-keys'

/** One item at a time: input and output side by side, the criteria to score, all from the keyboard. */
export function ReviewView({ queue }: { queue: Queue }) {
  const item = useSession(selectSessionItem)
  const done = useSession(selectSessionDone)
  const load = useSession(selectSessionLoad)
  const { skip } = useSession(selectSessionActions)
  const criteria = useMemo(() => reviewedCriteria(queue), [queue])
  const [skipping, setSkipping] = useState(false)
  const [help, setHelp] = useState(false)
  const comment = useRef<HTMLTextAreaElement>(null)

  useReviewKeys({
    mode: queue.mode,
    scaleOf: (key) => criteria.find((c) => c.key === key)?.scale ?? null,
    onComment: () => comment.current?.focus(),
    onSkip: () => setSkipping(true),
    onHelp: () => setHelp((shown) => !shown),
  })

  const shortcuts = help ? <ShortcutList onClose={() => setHelp(false)} /> : null
  if (load.error)
    return <ErrorNotice title="Could not load the item" error={load.error} testId="review-error" />
  if (done) return <ReviewDone queue={queue}>{shortcuts}</ReviewDone>
  if (!item) return <p className="muted">Loading the next item…</p>

  return (
    <section
      className="review-item"
      data-testid="review-item"
      data-position={item.position}
      data-status={item.status}
      aria-label={`Item ${item.position} of ${item.total}`}
    >
      <ReviewBar item={item} />
      {item.status === 'skipped' ? (
        <p className="muted" data-testid="review-skipped">
          Skipped: {item.skipReason}
        </p>
      ) : null}
      <ConversationPanel turns={item.conversation} />
      <div className={`review-panels ${queue.mode === 'pairwise' ? 'pairwise' : ''}`}>
        <InputPanel input={item.input} />
        {item.outputs.map((output) => (
          <OutputPanel key={output.side} output={output} />
        ))}
      </div>
      <ExpectedPanel expected={item.expected} />
      {queue.mode === 'pairwise' ? (
        <PreferencePicker item={item} />
      ) : (
        <CriteriaList criteria={criteria} item={item} />
      )}
      {queue.mode === 'single' ? <CommentBox item={item} boxRef={comment} /> : null}
      {skipping ? (
        <SkipBox
          onCancel={() => setSkipping(false)}
          onSkip={(reason) => {
            setSkipping(false)
            void skip(reason)
          }}
        />
      ) : null}
      {shortcuts}
    </section>
  )
}

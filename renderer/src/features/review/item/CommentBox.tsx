import { useEffect, useRef, type RefObject } from 'react'
import type { ReviewItem } from '../../../../../shared/domain/review'
import { useSession } from '../../../stores/hooks'
import { selectActiveKey, selectComments, selectSessionActions } from '../../../stores/review/selectors'

/** How long typing pauses before the comment autosaves. */
export const commentSaveMs = 800

/**
 * The comment on the focused criterion. It autosaves on blur and after a pause in typing; the contract
 * stores a comment with its score, so a comment typed before the value is saved together with it.
 */
export function CommentBox({
  item,
  boxRef,
}: {
  item: ReviewItem
  boxRef: RefObject<HTMLTextAreaElement | null>
}) {
  const activeKey = useSession(selectActiveKey)
  const comments = useSession(selectComments)
  const { setComment, saveComment } = useSession(selectSessionActions)
  const saved = item.scores.find((s) => s.criterionKey === activeKey)
  const value = (activeKey ? comments[activeKey] : undefined) ?? saved?.comment ?? ''
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  return (
    <label className="field review-comment-field">
      <span className="field-label">
        Comment {activeKey ? <span className="muted">on {activeKey}</span> : null} <kbd>c</kbd>
      </span>
      <textarea
        ref={boxRef}
        rows={2}
        data-testid="review-comment"
        value={value}
        disabled={!activeKey}
        onChange={(e) => {
          setComment(e.target.value)
          clearTimeout(timer.current)
          timer.current = setTimeout(() => void saveComment(), commentSaveMs)
        }}
        onBlur={() => {
          clearTimeout(timer.current)
          void saveComment()
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return
          // Esc leaves the box (the shortcuts work again) instead of closing anything else.
          e.preventDefault()
          e.currentTarget.blur()
        }}
      />
      {activeKey && !saved ? (
        <span className="field-hint">Saved together with this criterion’s score.</span>
      ) : null}
    </label>
  )
}

import { useState } from 'react'
import type { CaseDraft } from '../../../../../shared/domain/case-drafts'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import { toErrorInfo } from '../../../api'
import { useUpdateDraft } from '../../../queries/case-drafts'
import { parseTags } from '../../../stores/datasets/case-fields'
import { parseExpected } from '../../../stores/datasets/case-form'

/** A draft's fields as text: each variable, the expected fields as JSON, tags and notes. */
export function DraftEditor({ draft, onDone }: { draft: CaseDraft; onDone: () => void }) {
  const [vars, setVars] = useState<Record<string, string>>(draft.vars)
  const [expected, setExpected] = useState(JSON.stringify(draft.expected, null, 2))
  const [tags, setTags] = useState(draft.tags.join(', '))
  const [notes, setNotes] = useState(draft.notes)
  const update = useUpdateDraft()
  const parsed = parseExpected(expected)
  const expectedError = typeof parsed === 'string' ? parsed : undefined

  const onSave = () => {
    if (typeof parsed === 'string') return
    update.mutate(
      { draftId: draft.id, patch: { vars, expected: parsed, tags: parseTags(tags), notes } },
      { onSuccess: onDone },
    )
  }

  return (
    <form
      className="draft-editor"
      data-testid="draft-editor"
      onSubmit={(e) => {
        e.preventDefault()
        onSave()
      }}
    >
      {Object.keys(vars).map((name) => (
        <Field key={name} label={name}>
          <textarea
            data-testid="draft-var"
            data-var={name}
            rows={vars[name]?.includes('\n') ? 6 : 2}
            value={vars[name] ?? ''}
            onChange={(e) => setVars({ ...vars, [name]: e.target.value })}
          />
        </Field>
      ))}
      <Field label="Expected (JSON)" error={expectedError}>
        <textarea
          data-testid="draft-expected"
          className="mono"
          rows={5}
          value={expected}
          onChange={(e) => setExpected(e.target.value)}
        />
      </Field>
      <Field label="Tags" hint="Separated by commas; source:generated is added when the draft is accepted">
        <input type="text" data-testid="draft-tags" value={tags} onChange={(e) => setTags(e.target.value)} />
      </Field>
      <Field label="Notes">
        <input
          type="text"
          data-testid="draft-notes"
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </Field>
      {update.error ? (
        <ErrorNotice title="Draft not saved" error={toErrorInfo(update.error)} testId="draft-save-error" />
      ) : null}
      <div className="draft-actions">
        <button type="button" className="button small" onClick={onDone}>
          Cancel
        </button>
        <button
          type="submit"
          className="button small primary"
          data-testid="draft-save"
          disabled={expectedError !== undefined || update.isPending}
        >
          Save draft
        </button>
      </div>
    </form>
  )
}

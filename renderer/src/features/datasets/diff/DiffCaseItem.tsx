import {
  changedParts,
  caseSummary,
  fieldLabel,
  fieldValue,
  tagChanges,
  type CaseChange,
} from './field-values'
import { expectedValueText } from '../../corrections/expected-value'

interface Props {
  kind: 'added' | 'removed' | 'edited'
  change: CaseChange
}

/** One changed case: a summary when added or removed; each changed field before and after when edited. */
export function DiffCaseItem({ kind, change }: Props) {
  return (
    <li className={`diff-case ${kind}`} data-testid="diff-case" data-key={change.key}>
      <code className="diff-key">{change.key}</code>
      {kind === 'edited' ? (
        <>
          <dl className="field-changes">
            {change.fields.map((field) => (
              <FieldChange key={field} field={field} change={change} />
            ))}
          </dl>
          {change.corrections?.length ? <CorrectionNotes corrections={change.corrections} /> : null}
        </>
      ) : (
        <span className="diff-case-summary">
          {caseSummary(kind === 'added' ? change.after : change.before)}
        </span>
      )}
    </li>
  )
}

/** Who corrected an expected value from a run, why, and which run it was found in. */
function CorrectionNotes({ corrections }: { corrections: NonNullable<CaseChange['corrections']> }) {
  return (
    <ul className="diff-corrections">
      {corrections.map((c) => (
        <li key={`${c.at}-${c.field}`} data-testid="diff-correction" data-field={c.field}>
          Expected {c.field} corrected to <strong>{expectedValueText(c.after)}</strong> by {c.by} from run “
          {c.runName}”{c.origin.kind === 'review' ? ' (review adjudication)' : ''}: {c.reason}
        </li>
      ))}
    </ul>
  )
}

function FieldChange({ field, change }: { field: string; change: CaseChange }) {
  if (field === 'tags') {
    const { added, removed } = tagChanges(change.before?.tags ?? [], change.after?.tags ?? [])
    return (
      <div className="field-change" data-testid="field-change" data-field={field}>
        <dt>{fieldLabel(field)}</dt>
        <dd>
          {removed.map((t) => (
            <del key={t} className="tag-chip removed">
              {t}
            </del>
          ))}
          {added.map((t) => (
            <ins key={t} className="tag-chip added">
              {t}
            </ins>
          ))}
        </dd>
      </div>
    )
  }
  const parts = changedParts(fieldValue(change.before, field), fieldValue(change.after, field))
  return (
    <div className="field-change" data-testid="field-change" data-field={field}>
      <dt>{fieldLabel(field)}</dt>
      <dd className="before" data-testid="field-before">
        {parts.prefix}
        <del>{parts.before}</del>
        {parts.suffix}
      </dd>
      <dd className="after" data-testid="field-after">
        {parts.prefix}
        <ins>{parts.after}</ins>
        {parts.suffix}
      </dd>
    </div>
  )
}

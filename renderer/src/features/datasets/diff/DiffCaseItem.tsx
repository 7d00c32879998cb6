import {
  changedParts,
  caseSummary,
  fieldLabel,
  fieldValue,
  tagChanges,
  type CaseChange,
} from './field-values'

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
        <dl className="field-changes">
          {change.fields.map((field) => (
            <FieldChange key={field} field={field} change={change} />
          ))}
        </dl>
      ) : (
        <span className="diff-case-summary">
          {caseSummary(kind === 'added' ? change.after : change.before)}
        </span>
      )}
    </li>
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

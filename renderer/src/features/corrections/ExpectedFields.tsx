import { expectedValueText, type ExpectedDraft } from './expected-value'

interface Props {
  /** The case's expected values as the run saw them. */
  expected: Readonly<Record<string, unknown>>
  draft: ExpectedDraft
  onChange: (draft: ExpectedDraft) => void
}

/** Which expected field is wrong and its correct value; the run's value is shown beside it. */
export function ExpectedFields({ expected, draft, onChange }: Props) {
  const fields = Object.keys(expected)
  return (
    <span className="expected-fields">
      <select
        aria-label="Expected field to correct"
        data-testid="correct-field"
        value={draft.field}
        onChange={(e) =>
          onChange({ field: e.target.value, text: expectedValueText(expected[e.target.value]) })
        }
      >
        {fields.length === 0 ? <option value="">This case has no expected fields</option> : null}
        {fields.map((f) => (
          <option key={f} value={f}>
            {f} (was {expectedValueText(expected[f])})
          </option>
        ))}
      </select>
      <input
        aria-label="Correct expected value"
        data-testid="correct-value"
        value={draft.text}
        maxLength={10_000}
        onChange={(e) => onChange({ ...draft, text: e.target.value })}
      />
    </span>
  )
}

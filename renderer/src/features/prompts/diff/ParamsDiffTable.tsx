import { unsetValue, type ParamRow } from './param-diff'

/** Long values (a JSON schema) are cut in the table; the full text is in the tooltip and its own diff. */
function Value({ value }: { value: string }) {
  const long = value !== unsetValue && value.length > 90
  return <code title={long ? value : undefined}>{long ? `${value.slice(0, 87)}…` : value}</code>
}

/** Model and parameters before and after, one row per field; changed rows stand out. */
export function ParamsDiffTable({
  rows,
  leftLabel,
  rightLabel,
}: {
  rows: ParamRow[]
  leftLabel: string
  rightLabel: string
}) {
  const changed = rows.filter((r) => r.changed).length
  return (
    <section className="diff-params-section" aria-labelledby="diff-params-title">
      <h3 id="diff-params-title">
        Model and parameters{' '}
        <span className="muted">{changed === 0 ? 'unchanged' : `${changed} changed`}</span>
      </h3>
      <table className="diff-params" data-testid="diff-params">
        <colgroup>
          <col className="field-col" />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{leftLabel}</th>
            <th scope="col">{rightLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.field}
              className={row.changed ? 'changed' : undefined}
              data-testid="diff-param-row"
              data-field={row.field}
              data-changed={row.changed ? 'true' : 'false'}
            >
              <th scope="row">
                {row.label}
                {row.changed ? <span className="sr-only"> (changed)</span> : null}
              </th>
              <td className="before">
                <Value value={row.before} />
              </td>
              <td className="after">
                <Value value={row.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

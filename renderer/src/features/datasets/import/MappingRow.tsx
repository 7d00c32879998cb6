import type { ColumnRole } from '../../../../../shared/domain/dataset-mapping'
import { expectedTypes, roleOptions, type RoleName } from '../../../stores/datasets/import-mapping'
import { selectImportActions } from '../../../stores/datasets/import-selectors'
import { useDatasetImport } from '../../../stores/hooks'
import { KeyRoleControls } from './KeyRoleControls'

interface Props {
  column: string
  role: ColumnRole
  sample: unknown
  error: string | undefined
}

function sampleText(value: unknown): string {
  if (value === undefined || value === null) return ''
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}

/** A column's role, and the name, prefix, type or separator that role needs. */
export function MappingRow({ column, role, sample, error }: Props) {
  const { setRole, setRoleField } = useDatasetImport(selectImportActions)
  const name =
    role.role === 'var' || role.role === 'expected' ? role.name : role.role === 'tag' ? role.prefix : null
  const nameField = role.role === 'tag' ? 'prefix' : 'name'

  return (
    <tr
      className="mapping-row"
      data-testid="mapping-row"
      data-column={column}
      data-role={role.role}
      data-invalid={error ? 'true' : undefined}
    >
      <th scope="row">
        <code>{column}</code>
      </th>
      <td className="mapping-sample">{sampleText(sample)}</td>
      <td>
        <div className="mapping-controls">
          <select
            aria-label={`Role of column ${column}`}
            data-testid="mapping-role"
            value={role.role}
            onChange={(e) => setRole(column, e.target.value as RoleName)}
          >
            {roleOptions.map((o) => (
              <option key={o.role} value={o.role}>
                {o.label}
              </option>
            ))}
          </select>
          {name !== null ? (
            <input
              type="text"
              aria-label={role.role === 'tag' ? `Tag prefix for ${column}` : `Name for ${column}`}
              data-testid="mapping-name"
              placeholder={role.role === 'tag' ? 'prefix, e.g. segment' : 'name'}
              value={name}
              onChange={(e) => setRoleField(column, nameField, e.target.value)}
            />
          ) : null}
          {role.role === 'key' ? <KeyRoleControls column={column} role={role} /> : null}
          {role.role === 'expected' ? (
            <select
              aria-label={`Type of ${column}`}
              data-testid="mapping-type"
              value={role.type ?? 'string'}
              onChange={(e) => setRoleField(column, 'type', e.target.value)}
            >
              {expectedTypes.map((t) => (
                <option key={t} value={t}>
                  {t === 'string' ? 'text' : t}
                </option>
              ))}
            </select>
          ) : null}
          {role.role === 'tags' ? (
            <>
              <input
                type="text"
                className="narrow"
                aria-label={`Separator in ${column}`}
                data-testid="mapping-separator"
                placeholder="|"
                value={role.separator ?? ''}
                disabled={role.json === true}
                onChange={(e) => setRoleField(column, 'separator', e.target.value)}
              />
              <label className="check">
                <input
                  type="checkbox"
                  data-testid="mapping-json"
                  checked={role.json === true}
                  onChange={(e) => setRoleField(column, 'json', e.target.checked)}
                />
                JSON list
              </label>
            </>
          ) : null}
        </div>
        {error ? (
          <span className="field-error" role="alert" data-testid="mapping-error">
            {error}
          </span>
        ) : null}
      </td>
    </tr>
  )
}

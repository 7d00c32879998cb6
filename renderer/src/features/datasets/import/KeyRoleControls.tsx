import { caseKeyVariable } from '../../../../../shared/domain/template-names'
import type { ColumnRole } from '../../../../../shared/domain/dataset-mapping'
import { selectImportActions } from '../../../stores/datasets/import-selectors'
import { useDatasetImport } from '../../../stores/hooks'

type KeyRole = Extract<ColumnRole, { role: 'key' }>

/**
 * Next to the key column: how a prompt reads the key (`{{case.key}}`), and the choice to keep it as a
 * variable too, for a prompt that names it (e.g. `{{id}}`) because the team's application fills it so.
 */
export function KeyRoleControls({ column, role }: { column: string; role: KeyRole }) {
  const { setRoleField } = useDatasetImport(selectImportActions)
  const kept = role.alsoVar !== undefined
  return (
    <div className="key-role">
      <label className="check">
        <input
          type="checkbox"
          data-testid="mapping-key-as-var"
          checked={kept}
          onChange={(e) => setRoleField(column, 'alsoVar', e.target.checked ? column.trim() : false)}
        />
        also a variable
      </label>
      {kept ? (
        <input
          type="text"
          aria-label={`Variable name for the key column ${column}`}
          data-testid="mapping-key-var-name"
          placeholder="name"
          value={role.alsoVar}
          onChange={(e) => setRoleField(column, 'alsoVar', e.target.value)}
        />
      ) : null}
      <p className="muted mapping-hint" data-testid="mapping-key-hint">
        In a prompt, write <code>{`{{${caseKeyVariable}}}`}</code> for the case key
        {kept && role.alsoVar ? (
          <>
            {' '}
            (or <code>{`{{${role.alsoVar}}}`}</code>, a copy kept as a variable)
          </>
        ) : null}
        .
      </p>
    </div>
  )
}

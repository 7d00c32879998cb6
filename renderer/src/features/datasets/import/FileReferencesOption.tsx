import {
  selectImportActions,
  selectImportFile,
  selectKeepFileReferences,
} from '../../../stores/datasets/import-selectors'
import { useDatasetImport } from '../../../stores/hooks'

/**
 * promptfoo tests may name other files (`file://doc.txt`) that promptfoo reads. The import never reads them:
 * a test with one is refused unless the PM keeps the reference itself as the value's text.
 */
export function FileReferencesOption() {
  const file = useDatasetImport(selectImportFile)
  const keep = useDatasetImport(selectKeepFileReferences)
  const { setKeepFileReferences } = useDatasetImport(selectImportActions)
  if (!file || !/\.(ya?ml|json)$/i.test(file.name)) return null
  return (
    <label className="check">
      <input
        type="checkbox"
        data-testid="import-keep-file-references"
        checked={keep}
        onChange={(e) => setKeepFileReferences(e.target.checked)}
      />
      keep <code>file://</code> references as text (the files they name are not read)
    </label>
  )
}

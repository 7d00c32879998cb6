import { useState } from 'react'
import { Field } from '../../../components/Field'
import { selectImportActions, selectImportFile } from '../../../stores/datasets/import-selectors'
import { useDatasetImport } from '../../../stores/hooks'
import { readFileBase64 } from './read-file'

const maxBytes = 50 * 1024 * 1024

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The file input; the file is read as bytes and previewed at once with the suggested mapping. */
export function FilePicker() {
  const file = useDatasetImport(selectImportFile)
  const { setFile } = useDatasetImport(selectImportActions)
  const [error, setError] = useState<string | undefined>()

  const onFile = async (chosen: File | undefined) => {
    if (!chosen) return
    if (chosen.size > maxBytes)
      return setError(`${chosen.name} is ${size(chosen.size)}: files over 50 MB are not accepted.`)
    setError(undefined)
    try {
      await setFile({ name: chosen.name, base64: await readFileBase64(chosen), size: chosen.size })
    } catch (e) {
      const cause = e instanceof Error ? e.message : String(e)
      setError(
        `Could not read ${chosen.name} (${cause}). Check that it still exists and that you may open it, then choose it again.`,
      )
    }
  }

  return (
    <Field
      label="File"
      error={error}
      hint={
        file
          ? `Chosen: ${file.name} (${size(file.size)})`
          : 'CSV or TSV with a header row, JSONL (one case per line), or a promptfoo tests file (YAML/JSON).'
      }
    >
      <input
        type="file"
        data-testid="import-file-input"
        data-autofocus
        accept=".csv,.tsv,.txt,.jsonl,.ndjson,.json,.yaml,.yml,text/csv,application/json"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
    </Field>
  )
}

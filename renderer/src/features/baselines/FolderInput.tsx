interface FolderInputProps {
  testId: string
  value: string
  onChange: (folder: string) => void
  /** The native dialog's title. */
  dialogTitle: string
}

/**
 * A folder path field; in the desktop app a "Choose…" button opens the native folder dialog (the browser
 * host has no such dialog, so there the path is typed).
 */
export function FolderInput({ testId, value, onChange, dialogTitle }: FolderInputProps) {
  const shell = window.evalLabShell
  const choose = async () => {
    const folder = await shell?.chooseFolder(dialogTitle)
    if (folder) onChange(folder)
  }
  return (
    <span className="folder-input">
      <input data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} />
      {shell ? (
        <button
          type="button"
          className="button small"
          data-testid={`${testId}-choose`}
          onClick={() => void choose()}
        >
          Choose…
        </button>
      ) : null}
    </span>
  )
}

import type { DiffEditorProps } from './types'

/** Both texts side by side as plain text: the fallback if Monaco fails to load, and the diff in unit tests. */
export function PlainDiffEditor({ original, modified, ariaLabel }: DiffEditorProps) {
  return (
    <div
      className="plain-diff"
      role="group"
      aria-label={ariaLabel}
      data-changed={original === modified ? 'false' : 'true'}
    >
      <pre className="plain-diff-side" data-side="original">
        {original}
      </pre>
      <pre className="plain-diff-side" data-side="modified">
        {modified}
      </pre>
    </div>
  )
}

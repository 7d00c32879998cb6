import type { TextEditorProps } from './types'

/** A textarea with the editor's props: the fallback if Monaco fails to load, and the editor in unit tests. */
export function PlainTextEditor({ value, onChange, readOnly, ariaLabel, onCtrlEnter }: TextEditorProps) {
  return (
    <textarea
      className="plain-editor"
      aria-label={ariaLabel}
      value={value}
      readOnly={readOnly}
      spellCheck={false}
      rows={Math.min(20, Math.max(3, value.split('\n').length + 1))}
      onChange={(event) => onChange?.(event.target.value)}
      onKeyDown={(event) => {
        if (onCtrlEnter && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault()
          onCtrlEnter()
        }
      }}
    />
  )
}

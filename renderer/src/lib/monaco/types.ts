/**
 * 'prompt' is plain text with `{{variable}}`, `<tag>` and `# heading` highlighted; 'json' and 'javascript'
 * are coloured only (no language worker).
 */
export type EditorLanguage = 'plaintext' | 'prompt' | 'json' | 'javascript'

export interface TextEditorProps {
  value: string
  onChange?: (value: string) => void
  readOnly?: boolean
  language?: EditorLanguage
  /** Announced by screen readers; name the thing being edited ("System message"). */
  ariaLabel: string
  /** Ctrl+Enter (Cmd+Enter on a Mac) in the editor, e.g. "run this scorer". */
  onCtrlEnter?: () => void
}

/** A read-only, side-by-side comparison of two texts (older left, newer right). */
export interface DiffEditorProps {
  original: string
  modified: string
  language?: EditorLanguage
  /** Announced by screen readers, e.g. "Message 2: v3 against v5". */
  ariaLabel: string
}

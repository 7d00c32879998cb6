/** 'prompt' is plain text with `{{variable}}`, `<tag>` and `# heading` highlighted; 'json' is coloured only. */
export type EditorLanguage = 'plaintext' | 'prompt' | 'json'

export interface TextEditorProps {
  value: string
  onChange?: (value: string) => void
  readOnly?: boolean
  language?: EditorLanguage
  /** Announced by screen readers; name the thing being edited ("System message"). */
  ariaLabel: string
}

/** A read-only, side-by-side comparison of two texts (older left, newer right). */
export interface DiffEditorProps {
  original: string
  modified: string
  language?: EditorLanguage
  /** Announced by screen readers, e.g. "Message 2: v3 against v5". */
  ariaLabel: string
}

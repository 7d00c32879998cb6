/** 'prompt' is plain text with `{{variable}}`, `<tag>` and `# heading` highlighted. */
export type EditorLanguage = 'plaintext' | 'prompt'

export interface TextEditorProps {
  value: string
  onChange?: (value: string) => void
  readOnly?: boolean
  language?: EditorLanguage
  /** Announced by screen readers; name the thing being edited ("System message"). */
  ariaLabel: string
}

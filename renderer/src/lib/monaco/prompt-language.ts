import type * as Monaco from 'monaco-editor/editor/editor.api'

export const promptLanguageId = 'prompt'

/** Plain prose with the template parts a reviewer scans for: {{variables}}, <tags>, # headings. */
export function registerPromptLanguage(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === promptLanguageId)) return
  monaco.languages.register({ id: promptLanguageId, aliases: ['Prompt template'] })
  monaco.languages.setMonarchTokensProvider(promptLanguageId, {
    tokenizer: {
      root: [
        [/\{\{[^}]*\}\}/, 'variable'],
        [/\{%[^%]*%\}/, 'keyword'],
        [/<\/?[A-Za-z][\w-]*(\s[^>]*)?\/?>/, 'tag'],
        [/^#{1,6}\s.*$/, 'keyword'],
      ],
    },
  })
}

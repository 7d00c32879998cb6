import type * as Monaco from 'monaco-editor/editor/editor.api'

export const jsonLanguageId = 'json'

/**
 * JSON colouring only (keys, strings, numbers, literals, brackets): Monaco's JSON language service needs its
 * own worker and ~1 MB, and the screens that edit JSON check it themselves with the same schemas the core uses.
 */
export function registerJsonLanguage(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === jsonLanguageId)) return
  monaco.languages.register({ id: jsonLanguageId, aliases: ['JSON'] })
  monaco.languages.setLanguageConfiguration(jsonLanguageId, {
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '"', close: '"', notIn: ['string'] },
    ],
  })
  monaco.languages.setMonarchTokensProvider(jsonLanguageId, {
    tokenizer: {
      root: [
        [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'type'],
        [/"(?:[^"\\]|\\.)*"/, 'string'],
        [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
        [/\b(?:true|false|null)\b/, 'keyword'],
        [/[{}[\]]/, '@brackets'],
      ],
    },
  })
}

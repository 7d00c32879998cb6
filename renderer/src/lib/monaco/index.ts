export { TextEditor, TextEditorContext } from './editor-context'
export { LazyMonacoEditor } from './LazyMonacoEditor'
export { PlainTextEditor } from './PlainTextEditor'
export type { EditorLanguage, TextEditorProps } from './types'

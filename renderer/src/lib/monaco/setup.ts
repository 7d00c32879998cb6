// Monaco from the local package only: its worker is bundled by Vite and the loader is handed this module
// instance, so @monaco-editor/react never injects its CDN script (the CSP would block it anyway).
import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor/editor/editor.api'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
// Only the editing features a prompt needs; the full `monaco-editor` entry pulls in ~80 languages.
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/cursorUndo/register'
// The diff editor widget ships in editor.api; this adds its commands (F7 / Shift+F7 step through changes).
import 'monaco-editor/features/diffEditor/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/linesOperations/register'
import 'monaco-editor/features/multicursor/register'
import 'monaco-editor/features/readOnlyMessage/register'
import 'monaco-editor/features/wordOperations/register'
// JavaScript colouring for code scorers: the Monarch grammar only, loaded with the language on first use.
import 'monaco-editor/languages/definitions/javascript/register'
import { registerJsonLanguage } from './json-language'
import { registerPromptLanguage } from './prompt-language'

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
}

loader.config({ monaco })
registerPromptLanguage(monaco)
registerJsonLanguage(monaco)

export { monaco }

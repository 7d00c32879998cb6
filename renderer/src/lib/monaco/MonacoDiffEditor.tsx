import { monaco } from './setup'
import { useEffect, useRef, useState } from 'react'
import type { DiffEditorProps } from './types'

type DiffEditor = ReturnType<typeof monaco.editor.createDiffEditor>

const lineHeight = 19
const minHeight = 2 * lineHeight + 12
const maxHeight = 560

/**
 * Monaco's diff editor on the local instance, read-only on both sides. Created directly (not through
 * @monaco-editor/react's DiffEditor) so the widget is disposed before its two models: the wrapper does
 * it the other way round, which Monaco reports as an error on every unmount.
 */
export default function MonacoDiffEditor({
  original,
  modified,
  language = 'prompt',
  ariaLabel,
}: DiffEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const editorRef = useRef<DiffEditor | null>(null)
  const [height, setHeight] = useState(() => estimate(original, modified))
  const initial = useRef({ original, modified })

  useEffect(() => {
    const element = host.current
    if (!element) return
    const originalModel = monaco.editor.createModel(initial.current.original, language)
    const modifiedModel = monaco.editor.createModel(initial.current.modified, language)
    const editor = monaco.editor.createDiffEditor(element, {
      ...diffOptions,
      ariaLabel,
      originalAriaLabel: `${ariaLabel} (before)`,
      modifiedAriaLabel: `${ariaLabel} (after)`,
    })
    editor.setModel({ original: originalModel, modified: modifiedModel })
    const labels = [
      keepAriaLabel(editor.getOriginalEditor(), `${ariaLabel} (before)`),
      keepAriaLabel(editor.getModifiedEditor(), `${ariaLabel} (after)`),
    ]
    const fit = () => {
      const content = Math.max(
        editor.getOriginalEditor().getContentHeight(),
        editor.getModifiedEditor().getContentHeight(),
      )
      setHeight(Math.min(maxHeight, Math.max(minHeight, content)))
    }
    const subscriptions = [
      editor.onDidUpdateDiff(fit),
      editor.getOriginalEditor().onDidContentSizeChange(fit),
      editor.getModifiedEditor().onDidContentSizeChange(fit),
    ]
    editorRef.current = editor
    return () => {
      editorRef.current = null
      subscriptions.forEach((s) => s.dispose())
      labels.forEach((s) => s.dispose())
      editor.setModel(null)
      editor.dispose()
      originalModel.dispose()
      modifiedModel.dispose()
    }
  }, [language, ariaLabel])

  useEffect(() => {
    const model = editorRef.current?.getModel()
    if (model && model.original.getValue() !== original) model.original.setValue(original)
    if (model && model.modified.getValue() !== modified) model.modified.setValue(modified)
  }, [original, modified])

  return <div ref={host} className="diff-editor" style={{ height }} />
}

const diffOptions: monaco.editor.IStandaloneDiffEditorConstructionOptions = {
  readOnly: true,
  domReadOnly: true,
  originalEditable: false,
  renderSideBySide: true,
  useInlineViewWhenSpaceIsLimited: true,
  renderSideBySideInlineBreakpoint: 640,
  // Whitespace is part of a prompt: a changed indent or trailing space is a real change.
  ignoreTrimWhitespace: false,
  renderIndicators: true,
  // Long system prompts with a one-line change: fold the unchanged stretches (click to expand them).
  hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 6, revealLineCount: 20 },
  renderOverviewRuler: false,
  enableSplitViewResizing: false,
  automaticLayout: true,
  wordWrap: 'on',
  diffWordWrap: 'on',
  minimap: { enabled: false },
  lineNumbers: 'on',
  lineNumbersMinChars: 3,
  lineHeight,
  fontSize: 13,
  folding: false,
  glyphMargin: false,
  scrollBeyondLastLine: false,
  scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 10 },
  renderLineHighlight: 'none',
  contextmenu: false,
  fixedOverflowWidgets: true,
}

/**
 * Monaco (0.57) clears each side's label whenever it passes the diff editor's options on to its two editors
 * (once right after creation, again on every switch between side by side and inline): a screen reader
 * would meet two unnamed text boxes. The label is put back each time it goes.
 */
function keepAriaLabel(side: monaco.editor.ICodeEditor, label: string): monaco.IDisposable {
  const restore = () => {
    if (side.getOption(monaco.editor.EditorOption.ariaLabel) !== label)
      side.updateOptions({ ariaLabel: label })
  }
  restore()
  return side.onDidChangeConfiguration(restore)
}

function estimate(original: string, modified: string): number {
  const lines = Math.max(original.split('\n').length, modified.split('\n').length)
  return Math.min(maxHeight, Math.max(minHeight, lines * lineHeight + 12))
}

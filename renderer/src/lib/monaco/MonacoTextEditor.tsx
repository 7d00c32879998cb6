import { monaco } from './setup'
import { Editor, type OnMount } from '@monaco-editor/react'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { TextEditorProps } from './types'

const lineHeight = 19
const minHeight = 3 * lineHeight + 12
const maxHeight = 480

/** One Monaco editor that grows with its text up to a limit, then scrolls. */
export default function MonacoTextEditor({
  value,
  onChange,
  readOnly,
  language = 'prompt',
  ariaLabel,
  onCtrlEnter,
}: TextEditorProps) {
  const [height, setHeight] = useState(() => clamp(value.split('\n').length * lineHeight + 12))
  // The command is bound once at mount; it calls whatever handler the latest render gave.
  const ctrlEnter = useRef(onCtrlEnter)
  useEffect(() => {
    ctrlEnter.current = onCtrlEnter
  }, [onCtrlEnter])

  const handleMount = useCallback<OnMount>((editor) => {
    const fit = () => setHeight(clamp(editor.getContentHeight()))
    editor.onDidContentSizeChange(fit)
    fit()
    // Only editors that asked for it: elsewhere Ctrl+Enter keeps Monaco's own "insert line below".
    if (ctrlEnter.current)
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => ctrlEnter.current?.())
  }, [])

  return (
    <Editor
      value={value}
      language={language}
      theme="vs"
      height={height}
      onMount={handleMount}
      onChange={(next) => onChange?.(next ?? '')}
      loading={<pre className="editor-loading">{value}</pre>}
      options={{
        ariaLabel,
        readOnly,
        domReadOnly: readOnly,
        readOnlyMessage: { value: 'This is an older version. Go back to the latest version to edit.' },
        automaticLayout: true,
        wordWrap: 'on',
        minimap: { enabled: false },
        lineNumbers: 'on',
        lineNumbersMinChars: 3,
        lineHeight,
        fontSize: 13,
        folding: false,
        glyphMargin: false,
        overviewRulerLanes: 0,
        hideCursorInOverviewRuler: true,
        renderLineHighlight: readOnly ? 'none' : 'line',
        renderLineHighlightOnlyWhenFocus: true,
        scrollBeyondLastLine: false,
        scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 10 },
        padding: { top: 6, bottom: 6 },
        quickSuggestions: false,
        wordBasedSuggestions: 'off',
        fixedOverflowWidgets: true,
        tabSize: 2,
      }}
    />
  )
}

function clamp(px: number): number {
  return Math.min(maxHeight, Math.max(minHeight, px))
}

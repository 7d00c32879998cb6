import { lazy, Suspense } from 'react'
import { EditorErrorBoundary } from './EditorErrorBoundary'
import { PlainTextEditor } from './PlainTextEditor'
import type { TextEditorProps } from './types'

// The only import of the Monaco module: it becomes its own chunk, loaded the first time an editor shows.
const MonacoTextEditor = lazy(() => import('./MonacoTextEditor'))

export function LazyMonacoEditor(props: TextEditorProps) {
  return (
    <EditorErrorBoundary fallback={<PlainTextEditor {...props} />}>
      <Suspense fallback={<pre className="editor-loading">{props.value}</pre>}>
        <MonacoTextEditor {...props} />
      </Suspense>
    </EditorErrorBoundary>
  )
}

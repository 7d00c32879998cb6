import { lazy, Suspense } from 'react'
import { EditorErrorBoundary } from './EditorErrorBoundary'
import { PlainDiffEditor } from './PlainDiffEditor'
import type { DiffEditorProps } from './types'

// Shares the Monaco chunk with the text editor; loaded the first time a diff is shown.
const MonacoDiffEditor = lazy(() => import('./MonacoDiffEditor'))

export function LazyMonacoDiffEditor(props: DiffEditorProps) {
  return (
    <EditorErrorBoundary fallback={<PlainDiffEditor {...props} />}>
      <Suspense fallback={<PlainDiffEditor {...props} />}>
        <MonacoDiffEditor {...props} />
      </Suspense>
    </EditorErrorBoundary>
  )
}

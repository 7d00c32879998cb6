import { createContext, createElement, useContext, type ComponentType, type ReactElement } from 'react'
import { LazyMonacoDiffEditor } from './LazyMonacoDiffEditor'
import { LazyMonacoEditor } from './LazyMonacoEditor'
import type { DiffEditorProps, TextEditorProps } from './types'

/** Which editor screens render; the app uses Monaco, tests provide PlainTextEditor. */
export const TextEditorContext = createContext<ComponentType<TextEditorProps>>(LazyMonacoEditor)

/** Which diff view screens render; the app uses Monaco's diff editor, tests provide PlainDiffEditor. */
export const DiffEditorContext = createContext<ComponentType<DiffEditorProps>>(LazyMonacoDiffEditor)

/** The editor for a piece of text: whichever implementation the nearest TextEditorContext provides. */
export function TextEditor(props: TextEditorProps): ReactElement {
  return createElement(useContext(TextEditorContext), props)
}

/** A read-only diff of two texts: whichever implementation the nearest DiffEditorContext provides. */
export function DiffEditor(props: DiffEditorProps): ReactElement {
  return createElement(useContext(DiffEditorContext), props)
}

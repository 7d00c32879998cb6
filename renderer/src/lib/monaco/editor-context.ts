import { createContext, createElement, useContext, type ComponentType, type ReactElement } from 'react'
import { LazyMonacoEditor } from './LazyMonacoEditor'
import type { TextEditorProps } from './types'

/** Which editor screens render; the app uses Monaco, tests provide PlainTextEditor. */
export const TextEditorContext = createContext<ComponentType<TextEditorProps>>(LazyMonacoEditor)

/** The editor for a piece of text: whichever implementation the nearest TextEditorContext provides. */
export function TextEditor(props: TextEditorProps): ReactElement {
  return createElement(useContext(TextEditorContext), props)
}

import { useCallback, useEffect, useRef, useState } from 'react'
import { shortcutLabel } from '../../../components/shortcuts'
import { useCtrlShortcut } from '../../../components/use-ctrl-shortcut'
import { selectCaseQuery, selectCaseTableActions } from '../../../stores/datasets/selectors'
import { useCaseTable } from '../../../stores/hooks'

export const searchDelayMs = 200

/** Full-text search over keys, variables, expected values and notes; 200 ms after the last keystroke. */
export function SearchBox() {
  const query = useCaseTable(selectCaseQuery)
  const { setSearch } = useCaseTable(selectCaseTableActions)
  const applied = query?.search ?? ''
  const [text, setText] = useState(applied)
  const input = useRef<HTMLInputElement>(null)
  useCtrlShortcut('f', () => {
    input.current?.focus()
    input.current?.select()
  })

  // What this box last applied: anything else in the store came from outside ("Clear the filters").
  const [sent, setSent] = useState(applied)
  if (applied !== sent) {
    setSent(applied)
    setText(applied)
  }
  const apply = useCallback(
    (value: string) => {
      setSent(value)
      setSearch(value)
    },
    [setSearch],
  )

  useEffect(() => {
    if (text === sent) return
    const timer = setTimeout(() => apply(text), searchDelayMs)
    return () => clearTimeout(timer)
  }, [text, sent, apply])

  return (
    <input
      ref={input}
      type="search"
      className="dataset-search"
      data-testid="dataset-search"
      aria-label="Search cases"
      aria-keyshortcuts="Control+F Meta+F"
      placeholder={`Search cases (${shortcutLabel('F')})`}
      title="Searches keys, variables, expected values and notes"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && text) {
          e.preventDefault()
          setText('')
        } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
          e.preventDefault()
          apply(text)
          document.querySelector<HTMLElement>('[data-testid="case-table"]')?.focus()
        }
      }}
    />
  )
}

import { useEffect, useId, useState } from 'react'
import { shortcutLabel } from '../../../components/shortcuts'

const shortcuts: [string, string][] = [
  [shortcutLabel('F'), 'Search'],
  ['↑ ↓  PgUp PgDn  Home End', 'Move the active row'],
  ['← →', 'Move the active column'],
  ['Enter / double-click', 'Edit the cell; Enter saves, Shift+Enter adds a line, Esc cancels'],
  ['Space', 'Select or unselect the row'],
  ['Shift+click, Shift+↑ ↓', 'Select a range'],
  [shortcutLabel('A'), 'Select every matching case'],
  ['Esc', 'Clear the selection'],
  ['E', 'Edit the whole case in the side panel'],
  ['N', 'Add a case'],
  ['D', 'Duplicate the selected cases'],
  ['T', 'Tag the selected cases'],
  ['Delete', 'Delete the selected cases (asks first)'],
  ['?', 'Show these shortcuts'],
]

/** A "?" button with the table's keyboard shortcuts; "?" on the table opens it too. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false)
  const id = useId()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return
      if (event.key === '?') setOpen((o) => !o)
      else if (event.key === 'Escape') setOpen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <span className="shortcuts-help">
      <button
        type="button"
        className="icon-button"
        data-testid="shortcuts-help"
        aria-expanded={open}
        aria-controls={id}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => setOpen((o) => !o)}
      >
        ?
      </button>
      {open ? (
        <div
          id={id}
          className="shortcuts-popover"
          role="dialog"
          aria-label="Keyboard shortcuts"
          data-testid="shortcuts"
        >
          <dl>
            {shortcuts.map(([keys, what]) => (
              <div key={keys} className="shortcut">
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </span>
  )
}

import type { KeyboardEvent } from 'react'
import type { RunTab } from '../../../stores/scoring/summary-store'

const tabs: readonly { id: RunTab; label: string }[] = [
  { id: 'results', label: 'Results' },
  { id: 'summary', label: 'Summary' },
]

/** Results | Summary; arrow keys move between them, as in any tablist. */
export function RunTabs({ tab, onSelect }: { tab: RunTab; onSelect: (tab: RunTab) => void }) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
    event.preventDefault()
    const next = tab === 'results' ? 'summary' : 'results'
    onSelect(next)
    document.getElementById(`run-tab-${next}`)?.focus()
  }
  return (
    <div className="tabs" role="tablist" aria-label="Run views" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`run-tab-${t.id}`}
          className="tab"
          data-testid={`run-tab-${t.id}`}
          aria-selected={t.id === tab}
          tabIndex={t.id === tab ? 0 : -1}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  )
}

import type { KeyboardEvent } from 'react'
import { promptTabs, type PromptTab } from '../../../stores/app/location'

const labels: Record<PromptTab, string> = {
  editor: 'Editor',
  playground: 'Playground',
  diff: 'Diff',
  history: 'History',
  suite: 'Eval suite',
  baseline: 'Baseline & sign-offs',
}

/** The e2e suite names the newer tabs after the screen they sit on. */
const testIds: Partial<Record<PromptTab, string>> = { baseline: 'prompt-tab-baseline' }

/** Editor | Playground | Diff | History | Eval suite | Baseline & sign-offs; arrow keys move between tabs, as in any tablist. */
export function DetailTabs({ tab, onSelect }: { tab: PromptTab; onSelect: (tab: PromptTab) => void }) {
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    event.preventDefault()
    const next = promptTabs[(promptTabs.indexOf(tab) + step + promptTabs.length) % promptTabs.length] ?? tab
    onSelect(next)
    document.getElementById(`tab-${next}`)?.focus()
  }
  return (
    <div className="tabs" role="tablist" aria-label="Prompt views" onKeyDown={onKeyDown}>
      {promptTabs.map((t) => (
        <button
          key={t}
          type="button"
          role="tab"
          id={`tab-${t}`}
          className="tab"
          data-testid={testIds[t] ?? `tab-${t}`}
          aria-selected={t === tab}
          tabIndex={t === tab ? 0 : -1}
          onClick={() => onSelect(t)}
        >
          {labels[t]}
        </button>
      ))}
    </div>
  )
}

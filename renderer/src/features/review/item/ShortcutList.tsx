const shortcuts: readonly (readonly [string, string])[] = [
  ['1–9', 'Set the focused criterion (label number on label scales)'],
  ['y / n', 'Pass / fail'],
  ['Tab ↓ / Shift+Tab ↑', 'Next / previous criterion'],
  ['j →  /  k ←', 'Next / previous item'],
  ['c', 'Comment (Esc leaves the box)'],
  ['s', 'Skip with a reason (Enter confirms)'],
  ['u / Ctrl+Z', 'Undo the last change'],
  ['1 a · 2 = · 3 b', 'Pairwise: A better · equal · B better'],
  ['?', 'Show or hide this list'],
]

/** Every review shortcut, opened with "?". */
export function ShortcutList({ onClose }: { onClose: () => void }) {
  return (
    <aside className="review-shortcuts" data-testid="review-shortcuts" aria-label="Keyboard shortcuts">
      <dl>
        {shortcuts.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="link-button" onClick={onClose}>
        Hide
      </button>
    </aside>
  )
}

import { useMemo } from 'react'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import { formatHash, type DiffPair } from '../../../stores/app/location'
import { selectDiffActions } from '../../../stores/diff/selectors'
import { useDiff } from '../../../stores/hooks'
import { sortVersions } from '../../../stores/prompts/selectors'

/** Left and right version pickers, a swap, and the link that reopens this comparison. */
export function DiffPickers({ detail, pair }: { detail: PromptDetail; pair: DiffPair }) {
  const versions = useMemo(() => sortVersions(detail), [detail])
  const { setLeft, setRight, swap } = useDiff(selectDiffActions)
  const href = formatHash({
    route: 'prompts',
    prompt: { promptId: detail.prompt.id, tab: 'diff', diff: pair },
  })

  const picker = (side: 'left' | 'right', value: number, onPick: (n: number) => Promise<void>) => (
    <label className="diff-picker">
      <span className="field-label">{side === 'left' ? 'Before' : 'After'}</span>
      <select
        data-testid={`diff-${side}`}
        value={value}
        onChange={(e) => void onPick(Number(e.target.value))}
      >
        {versions.map((v) => (
          <option key={v.id} value={v.number}>
            v{v.number} — {v.message.length > 60 ? `${v.message.slice(0, 60)}…` : v.message}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <div className="diff-pickers">
      {picker('left', pair.left, setLeft)}
      <button
        type="button"
        className="icon-button"
        aria-label="Swap sides"
        data-testid="diff-swap"
        onClick={() => void swap()}
      >
        ⇄
      </button>
      {picker('right', pair.right, setRight)}
      <a className="diff-link" href={href} data-testid="diff-link" title="Link to this comparison">
        v{pair.left} ↔ v{pair.right}
      </a>
    </div>
  )
}

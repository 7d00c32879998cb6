import { useMemo, type MouseEvent } from 'react'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import { Time } from '../../../components/Time'
import { selectDiffActions, selectDiffPicks } from '../../../stores/diff/selectors'
import { useDiff, useNavigation } from '../../../stores/hooks'
import { envNumbers, latestNumber, sortVersions } from '../../../stores/prompts/selectors'

/**
 * Every saved version, newest first; picking an older one shows it read-only. Ticking "compare" on two
 * versions (or Shift+clicking them) opens their diff.
 */
export function VersionList({ detail }: { detail: PromptDetail }) {
  const versions = useMemo(() => sortVersions(detail), [detail])
  const envs = useMemo(() => envNumbers(detail), [detail])
  const picks = useDiff(selectDiffPicks)
  const { togglePick } = useDiff(selectDiffActions)
  const nav = useNavigation()
  const promptId = detail.prompt.id
  const latest = latestNumber(detail)
  const shown = detail.version.number
  const picked = picks.promptId === promptId ? picks.numbers : []

  const pick = (n: number) => {
    const pair = togglePick(promptId, n)
    if (pair) void nav.openDiff(promptId, pair)
  }
  const onItemClick = (event: MouseEvent, n: number) => {
    if (event.shiftKey) return pick(n)
    void nav.openVersion(n === latest ? null : n)
  }

  return (
    <section className="versions" aria-labelledby="versions-title">
      <h3 id="versions-title">Versions</h3>
      <p className="muted hint">Tick two to compare them (or Shift+click).</p>
      <ol className="version-list">
        {versions.map((v) => (
          <li key={v.id} className="version-row">
            <input
              type="checkbox"
              className="version-compare"
              data-testid="version-compare"
              data-version-number={v.number}
              aria-label={`Compare v${v.number}`}
              checked={picked.includes(v.number)}
              onChange={() => pick(v.number)}
            />
            <button
              type="button"
              className="version-item"
              data-testid="version-item"
              data-version-number={v.number}
              aria-current={v.number === shown ? 'true' : undefined}
              onClick={(event) => onItemClick(event, v.number)}
            >
              <span className="version-head">
                <strong>v{v.number}</strong> {v.author} · <Time iso={v.createdAt} />
                {v.number === latest ? <span className="badge">latest</span> : null}
                {envs.staging === v.number ? <span className="badge env-staging">staging</span> : null}
                {envs.prod === v.number ? <span className="badge env-prod">prod</span> : null}
              </span>
              <span className="version-message">{v.message}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}

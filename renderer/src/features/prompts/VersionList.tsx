import type { VersionSummary } from '../../../../shared/domain/prompts'
import { Time } from '../../components/Time'

interface Props {
  versions: VersionSummary[]
  shownNumber: number
  latestNumber: number
  onView: (versionNumber: number | null) => void
}

/** Every saved version, newest first; picking an older one shows it read-only. */
export function VersionList({ versions, shownNumber, latestNumber, onView }: Props) {
  return (
    <section className="versions" aria-labelledby="versions-title">
      <h3 id="versions-title">Versions</h3>
      <ol className="version-list">
        {versions.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              className="version-item"
              data-testid="version-item"
              data-version-number={v.number}
              aria-current={v.number === shownNumber ? 'true' : undefined}
              onClick={() => onView(v.number === latestNumber ? null : v.number)}
            >
              <span className="version-head">
                <strong>v{v.number}</strong> {v.author} · <Time iso={v.createdAt} />
                {v.number === latestNumber ? <span className="badge">latest</span> : null}
              </span>
              <span className="version-message">{v.message}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}

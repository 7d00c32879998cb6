import type { HistoryEntry } from '../../../../../shared/domain/registry'
import { Time } from '../../../components/Time'
import { useNavigation } from '../../../stores/hooks'
import { describeEntry, textLabel } from './history-copy'

/** One line of the timeline: who did what and when, the text they gave, links to the versions involved. */
export function HistoryItem({ entry, promptId }: { entry: HistoryEntry; promptId: string }) {
  const nav = useNavigation()
  const to = entry.versionNumber
  // A saved or imported version compares with the one before it; moves compare with what they replaced.
  const isVersion = entry.action === 'version.created' || entry.action === 'version.imported'
  const from = entry.fromVersionNumber ?? (isVersion && to !== null && to > 1 ? to - 1 : null)
  return (
    <li
      className={`history-entry action-${entry.action.replace('.', '-')}`}
      data-testid="history-entry"
      data-action={entry.action}
      data-version-number={to ?? undefined}
      data-env={entry.env ?? undefined}
    >
      <div className="history-head">
        <strong>{entry.actor}</strong> {describeEntry(entry)}
        {entry.env ? <span className={`env-badge env-${entry.env}`}>{entry.env}</span> : null}
        <span className="muted history-time">
          <Time iso={entry.at} />
        </span>
      </div>
      {entry.text ? (
        <p className="history-text">
          <span className="muted">{textLabel(entry)}:</span> {entry.text}
        </p>
      ) : null}
      <div className="history-links">
        {to !== null ? (
          <button
            type="button"
            className="link-button"
            data-testid="history-open-version"
            onClick={() => void nav.openVersion(to)}
          >
            Open v{to}
          </button>
        ) : null}
        {to !== null && from !== null && from !== to ? (
          <button
            type="button"
            className="link-button"
            data-testid="history-compare"
            onClick={() =>
              void nav.openDiff(promptId, { left: Math.min(from, to), right: Math.max(from, to) })
            }
          >
            Compare v{Math.min(from, to)} ↔ v{Math.max(from, to)}
          </button>
        ) : null}
      </div>
    </li>
  )
}

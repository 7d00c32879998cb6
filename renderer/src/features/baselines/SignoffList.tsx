import { Time } from '../../components/Time'
import { useBaselineFolder } from '../../stores/baselines/hooks'
import { shortHash, signatureText } from '../../stores/baselines/selectors'

/** Who signed off the prompt's baselines, newest first; "stale" once the baseline content changed. */
export function SignoffList() {
  const signoffs = useBaselineFolder((s) => s.signoffs)
  return (
    <section className="panel" aria-labelledby="signoff-list-title">
      <h2 id="signoff-list-title">Sign-offs</h2>
      {signoffs.length === 0 ? (
        <p className="muted" data-testid="signoff-empty">
          No sign-off yet — open a scored run in Runs and choose “Sign off as baseline” on a slice.
        </p>
      ) : (
        <ul className="plain-list">
          {signoffs.map((s) => (
            <li
              key={s.id}
              data-testid="signoff-row"
              data-current={s.current ? 'true' : 'false'}
              data-signed={s.signature ? 'true' : 'false'}
            >
              <strong>{s.name}</strong> ({s.role}) · <Time iso={s.signedAt} /> · {signatureText(s)} ·{' '}
              <span className={s.current ? 'badge' : 'badge muted'}>{s.current ? 'current' : 'stale'}</span> ·
              content <code title={s.runContentHash}>{shortHash(s.runContentHash)}</code>
              {s.comment ? <p className="muted">{s.comment}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

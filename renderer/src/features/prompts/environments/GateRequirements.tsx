import type { GateCheck } from '../../../../../shared/domain/registry'

/** Each condition of the promotion gate, met (✓) or not (✗), with the core's explanation. */
export function GateRequirements({ check }: { check: GateCheck }) {
  if (check.requirements.length === 0) return <p className="muted">No requirements for {check.env}.</p>
  return (
    <ul className="gate-requirements" aria-label="Requirements">
      {check.requirements.map((r) => (
        <li
          key={r.key}
          className={r.satisfied ? 'ok' : 'missing'}
          data-testid="gate-requirement"
          data-key={r.key}
          data-satisfied={r.satisfied ? 'true' : 'false'}
          data-overridable={r.overridable ? 'true' : 'false'}
        >
          <span className="gate-mark" aria-label={r.satisfied ? 'met' : 'not met'}>
            {r.satisfied ? '✓' : '✗'}
          </span>
          <span>
            <strong>{r.label}</strong> <span className="muted">{r.detail}</span>
            {!r.satisfied && r.overridable ? (
              <span className="badge" title="May be overridden with a recorded reason">
                overridable
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  )
}

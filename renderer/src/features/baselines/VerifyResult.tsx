import type { SignoffCheck, VerifyReport } from '../../../../shared/domain/bundles'
import { Time } from '../../components/Time'

const statusText: Record<SignoffCheck['status'], string> = {
  valid: 'valid signature',
  unsigned: 'unsigned',
  'bad-signature': 'bad signature',
  'unknown-signer': 'unknown signer',
  stale: 'stale',
}

/** Verified, or each problem as "<file>: <message>"; then how each sign-off's signature checked out. */
export function VerifyResult({ report }: { report: VerifyReport }) {
  return (
    <div
      className="op-result"
      data-testid="bundle-verify-result"
      data-ok={report.ok ? 'true' : 'false'}
      role="status"
    >
      {report.ok ? (
        <p>
          Verified <code>{report.folder}</code>: every file matches the manifest; {report.validSignatures}{' '}
          valid signatures from allowed signers.
        </p>
      ) : (
        <>
          <p>
            <strong>Verification failed</strong> for <code>{report.folder}</code>:
          </p>
          <ul className="plain-list" data-testid="bundle-verify-problems">
            {report.problems.map((p, i) => (
              <li key={`${i}|${p.file}`}>
                {p.file || '(folder)'}: {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.signoffs.length > 0 ? (
        <ul className="plain-list">
          {report.signoffs.map((s, i) => (
            <li key={`${i}|${s.signedAt}`} data-testid="bundle-verify-signoff" data-status={s.status}>
              {s.name} ({s.role}) <Time iso={s.signedAt} /> · {statusText[s.status]}
              {s.keyId ? <code> {s.keyId}</code> : null}
              {s.message ? <span className="muted"> · {s.message}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

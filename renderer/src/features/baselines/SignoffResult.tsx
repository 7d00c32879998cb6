import type { Signoff } from '../../../../shared/domain/bundles'
import { shortHash, signatureText } from '../../stores/baselines/selectors'

/** What was just signed off: the content hash people can compare, and the key that signed it. */
export function SignoffResult({ signoff, onClose }: { signoff: Signoff; onClose: () => void }) {
  return (
    <div className="dialog-body">
      <p data-testid="signoff-result" data-signed={signoff.signature ? 'true' : 'false'}>
        Signed off by {signoff.name} ({signoff.role}). Run content{' '}
        <code title={signoff.runContentHash}>{shortHash(signoff.runContentHash)}</code>,{' '}
        {signatureText(signoff)}.
      </p>
      <footer className="dialog-actions">
        <button type="button" className="button primary" data-autofocus="true" onClick={onClose}>
          Done
        </button>
      </footer>
    </div>
  )
}

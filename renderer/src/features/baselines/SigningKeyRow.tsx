import { useState } from 'react'
import type { SigningKey } from '../../../../shared/domain/bundles'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Time } from '../../components/Time'
import { downloadText } from '../../lib/download'
import { useSigningKeys } from '../../stores/baselines/hooks'
import { selectKeyRowSubmits, selectKeysActions } from '../../stores/baselines/selectors'
import { submitIdle } from '../../stores/load-state'

const storageText: Record<SigningKey['storage'], string> = {
  'safe-storage': 'Protected by the OS keychain',
  session: 'This session only (browser host): the key is lost when the host stops',
}

/** One key: owner, id, age, where the private key lives; export its public key or delete it. */
export function SigningKeyRow({ signingKey }: { signingKey: SigningKey }) {
  const submit = useSigningKeys(selectKeyRowSubmits)[signingKey.keyId] ?? submitIdle
  const { exportPublic, remove } = useSigningKeys(selectKeysActions)
  const [confirming, setConfirming] = useState(false)

  const onExport = async () => {
    const file = await exportPublic(signingKey.keyId)
    if (file) downloadText(file.fileName, file.content)
  }

  return (
    <li className="provider-row" data-testid="signing-key-row" data-key-id={signingKey.keyId}>
      <div>
        <strong>{signingKey.owner}</strong> · <code>{signingKey.keyId}</code> · created{' '}
        <Time iso={signingKey.createdAt} />
        <p className="muted" data-testid="signing-key-storage">
          {storageText[signingKey.storage]}
        </p>
      </div>
      <div className="provider-form-actions">
        <button
          type="button"
          className="button small"
          data-testid="signing-key-export"
          disabled={submit.status === 'busy'}
          onClick={() => void onExport()}
        >
          Export public key
        </button>
        {confirming ? (
          <span role="group" aria-label={`Delete key ${signingKey.keyId}?`}>
            <span className="muted">
              Delete? Its signatures stay valid, but you cannot sign with it again.{' '}
            </span>
            <button
              type="button"
              className="button small danger"
              data-testid="signing-key-delete-confirm"
              disabled={submit.status === 'busy'}
              onClick={() => void remove(signingKey.keyId)}
            >
              Delete key
            </button>
            <button type="button" className="button small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button small"
            data-testid="signing-key-delete"
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        )}
      </div>
      {submit.error ? <ErrorNotice title="Key action failed" error={submit.error} /> : null}
    </li>
  )
}

import { useEffect, useState, type FormEvent } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useSigningKeys } from '../../stores/baselines/hooks'
import {
  selectKeyCreate,
  selectKeys,
  selectKeysActions,
  selectKeysLoad,
} from '../../stores/baselines/selectors'
import { useApp } from '../../stores/hooks'
import { selectWorkspace } from '../../stores/app/selectors'
import { SigningKeyRow } from '../baselines/SigningKeyRow'

/** The user's Ed25519 keys for signing sign-offs, and their public keys for the team's allowed signers. */
export function SigningKeysSection() {
  const keys = useSigningKeys(selectKeys)
  const load = useSigningKeys(selectKeysLoad)
  const { ensureLoaded } = useSigningKeys(selectKeysActions)
  useEffect(() => {
    void ensureLoaded()
  }, [ensureLoaded])

  return (
    <section className="panel settings" data-testid="signing-keys-section" aria-labelledby="settings-keys">
      <h2 id="settings-keys">Signing keys</h2>
      <p className="muted">
        A key signs your sign-offs of baselines, so anyone can check that a baseline folder in git is the one
        you approved. Export the public key and add it to the repository&apos;s allowed signers; the private
        key never leaves this computer. A key signs only sign-offs made under its owner&apos;s name.
      </p>
      {load.error ? (
        <ErrorNotice title="Could not load signing keys" error={load.error} testId="signing-keys-error" />
      ) : null}
      {load.status === 'ready' && keys.length === 0 ? (
        <p className="muted" data-testid="signing-keys-empty">
          No signing key yet — create one below to sign your sign-offs.
        </p>
      ) : null}
      <ul className="provider-list">
        {keys.map((k) => (
          <SigningKeyRow key={k.keyId} signingKey={k} />
        ))}
      </ul>
      <CreateKeyForm />
    </section>
  )
}

function CreateKeyForm() {
  const user = useApp(selectWorkspace)?.user ?? ''
  const create = useSigningKeys(selectKeyCreate)
  const actions = useSigningKeys(selectKeysActions)
  const [owner, setOwner] = useState(user)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void actions.create(owner)
  }
  return (
    <form className="add-provider" onSubmit={onSubmit}>
      <Field label="Owner" hint="Your name exactly as you sign off, e.g. Priya Shah">
        <input data-testid="signing-key-owner" value={owner} onChange={(e) => setOwner(e.target.value)} />
      </Field>
      <button
        type="submit"
        className="button small"
        data-testid="signing-key-create"
        disabled={create.status === 'busy' || owner.trim() === ''}
      >
        {create.status === 'busy' ? 'Creating…' : 'Create key pair'}
      </button>
      {create.error ? <ErrorNotice title="No key created" error={create.error} /> : null}
    </form>
  )
}

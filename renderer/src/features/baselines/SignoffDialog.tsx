import { useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react'
import { Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useApp } from '../../stores/hooks'
import { selectWorkspace } from '../../stores/app/selectors'
import { useSigningKeys, useSignoff } from '../../stores/baselines/hooks'
import {
  keysOwnedBy,
  selectKeys,
  selectKeysActions,
  selectSignoffActions,
  selectSignoffResult,
  selectSignoffSubmit,
} from '../../stores/baselines/selectors'
import { signoffRoles, type SignoffTarget } from '../../stores/baselines/signoff-store'
import { SignoffResult } from './SignoffResult'

const noKey = ''

/**
 * Signs off one run slice as the prompt's baseline: who, in which role, why, and optionally with the
 * signer's key. Ctrl+Enter submits, Esc closes.
 */
export function SignoffDialog({ target }: { target: SignoffTarget }) {
  const user = useApp(selectWorkspace)?.user ?? ''
  const keys = useSigningKeys(selectKeys)
  const { ensureLoaded } = useSigningKeys(selectKeysActions)
  const submit = useSignoff(selectSignoffSubmit)
  const result = useSignoff(selectSignoffResult)
  const actions = useSignoff(selectSignoffActions)
  const [name, setName] = useState(user)
  const [role, setRole] = useState('')
  const [comment, setComment] = useState('')
  const [chosenKey, setChosenKey] = useState(noKey)
  useEffect(() => {
    void ensureLoaded()
  }, [ensureLoaded])

  const owned = useMemo(() => keysOwnedBy(keys, name), [keys, name])
  // Signing is opt-in; a key picked for another name no longer applies once the name changes.
  const effectiveKey = owned.some((k) => k.keyId === chosenKey) ? chosenKey : noKey

  const send = () => {
    if (submit.status === 'busy') return
    void actions.submit({ name, role, comment, keyId: effectiveKey === noKey ? null : effectiveKey })
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    send()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
    event.preventDefault()
    send()
  }

  return (
    <Dialog title={`Sign off ${target.label} as baseline`} testId="signoff-dialog" onClose={actions.close}>
      {result ? (
        <SignoffResult signoff={result} onClose={actions.close} />
      ) : (
        <form className="dialog-body" onSubmit={onSubmit} onKeyDown={onKeyDown}>
          <Field label="Name">
            <input
              data-testid="signoff-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
            />
          </Field>
          <Field label="Role">
            <input
              data-testid="signoff-role"
              list="signoff-roles"
              value={role}
              onChange={(e) => setRole(e.target.value)}
              data-autofocus="true"
              required
            />
            <datalist id="signoff-roles">
              {signoffRoles.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
          </Field>
          <Field label="Comment">
            <textarea
              data-testid="signoff-comment"
              value={comment}
              rows={3}
              onChange={(e) => setComment(e.target.value)}
            />
          </Field>
          <Field
            label="Sign with key"
            hint={
              owned.length === 0 ? 'No key owned by this name: create one in Settings to sign.' : undefined
            }
          >
            <select
              data-testid="signoff-key"
              value={effectiveKey}
              onChange={(e) => setChosenKey(e.target.value)}
            >
              <option value={noKey}>No signature</option>
              {owned.map((k) => (
                <option key={k.keyId} value={k.keyId}>
                  {k.owner} · {k.keyId}
                </option>
              ))}
            </select>
          </Field>
          {submit.error ? (
            <ErrorNotice title="Not signed off" error={submit.error} testId="signoff-error" />
          ) : null}
          <footer className="dialog-actions">
            <button type="button" className="button" onClick={actions.close}>
              Cancel
            </button>
            <button
              type="submit"
              className="button primary"
              data-testid="signoff-submit"
              disabled={submit.status === 'busy'}
              title="Ctrl+Enter"
            >
              {submit.status === 'busy' ? 'Signing off…' : 'Sign off'}
            </button>
          </footer>
        </form>
      )}
    </Dialog>
  )
}

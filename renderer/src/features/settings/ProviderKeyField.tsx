import { useState } from 'react'
import { AZURE_AD_TOKEN_VAR, entraTokenEnvName } from '../../../../shared/lib/key-names'
import type { ProviderView } from '../../../../shared/domain/providers'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useSetProviderKey } from '../../queries/providers'
import { submitOf } from '../../queries/submit'

interface Props {
  provider: ProviderView
  canStoreKeys: boolean
}

/**
 * A key goes in and never comes back: the field starts empty, is cleared once the key is saved, and the
 * key is kept nowhere in the renderer. Where keys cannot be stored, the environment variable is named.
 */
export function ProviderKeyField({ provider, canStoreKeys }: Props) {
  const setKeyCall = useSetProviderKey()
  const submit = submitOf(setKeyCall)
  const setKey = (name: string, apiKey: string | null) =>
    setKeyCall.mutateAsync({ name, apiKey }).then(
      () => true,
      () => false,
    )
  const [key, setKeyText] = useState('')
  const busy = submit.status === 'busy'

  if (!canStoreKeys) {
    return (
      <p className="provider-key-env muted" data-testid="provider-key-unavailable">
        Keys are read from the environment here: set <code>{provider.keyEnvVar}</code> before starting Eval
        Lab{provider.kind === 'openai-compatible' ? ' if this server asks for a key' : ''}
        {provider.kind === 'azure-openai' ? (
          <>
            {' '}
            (or a Microsoft Entra token in <code>{entraTokenEnvName(provider.name)}</code> or{' '}
            <code>{AZURE_AD_TOKEN_VAR}</code>)
          </>
        ) : null}
        .
      </p>
    )
  }

  const save = async () => {
    if (!key.trim()) return
    const saved = await setKey(provider.name, key.trim())
    if (saved) setKeyText('')
  }

  return (
    <form
      className="provider-key"
      aria-label={`API key for ${provider.name}`}
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <div className="field-row">
        <label className="field grow">
          <span className="field-label">
            {provider.keySource === 'keychain' ? 'Replace the API key' : 'API key'} (saved in the OS keychain)
          </span>
          <input
            type="password"
            className="mono-input"
            data-testid="provider-key"
            autoComplete="off"
            spellCheck={false}
            placeholder={
              provider.keySource === 'keychain'
                ? 'a key is saved; paste a new one to replace it'
                : 'paste the key'
            }
            value={key}
            onChange={(e) => setKeyText(e.target.value)}
          />
        </label>
        <div className="provider-form-actions">
          <button
            type="submit"
            className="button small"
            data-testid="provider-key-save"
            disabled={busy || !key.trim()}
          >
            Save key
          </button>
          <button
            type="button"
            className="button small"
            data-testid="provider-key-remove"
            disabled={busy || provider.keySource !== 'keychain'}
            title={
              provider.keySource === 'keychain'
                ? 'Forget the key saved in the keychain'
                : 'No key is saved in the keychain'
            }
            onClick={() => void setKey(provider.name, null)}
          >
            Remove key
          </button>
        </div>
      </div>
      <span className="field-hint">
        Or set <code>{provider.keyEnvVar}</code> in the environment instead
        {provider.kind === 'azure-openai' ? (
          <>
            {' '}
            — or, without a key, a Microsoft Entra token in <code>
              {entraTokenEnvName(provider.name)}
            </code> or <code>{AZURE_AD_TOKEN_VAR}</code> (never stored)
          </>
        ) : null}
        .
      </span>
      {submit.status === 'done' ? <p className="op-status">Key updated.</p> : null}
      {submit.error ? (
        <ErrorNotice title="Could not update the key" error={submit.error} testId="provider-key-error" />
      ) : null}
    </form>
  )
}

import { useState } from 'react'
import type { ProviderView } from '../../../../shared/domain/providers'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useProviders } from '../../stores/hooks'
import { keySourceLabel, selectProvidersActions, selectSubmit } from '../../stores/providers/selectors'
import { ProviderKeyField } from './ProviderKeyField'

interface Props {
  provider: ProviderView
  canStoreKeys: boolean
}

const kindLabels: Record<ProviderView['kind'], string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'openai-compatible': 'OpenAI-compatible',
  demo: 'Simulated (built in)',
}

/** One provider: what it is, where its key comes from, its limits (editable) and its key. */
export function ProviderRow({ provider, canStoreKeys }: Props) {
  const p = provider
  return (
    <li className="provider-row" data-testid="provider-row" data-name={p.name} data-kind={p.kind}>
      <header className="provider-head">
        <strong className="mono">{p.name}</strong>
        <span className="badge">{kindLabels[p.kind]}</span>
        <span className="provider-key-source" data-key-source={p.keySource}>
          Key: <span data-testid="provider-key-source">{keySourceLabel(p)}</span>
        </span>
      </header>
      <p className="provider-summary" data-testid="provider-summary">
        {p.baseUrl ? <code>{p.baseUrl}</code> : <span className="muted">default base URL</span>}
        {' · '}
        {p.concurrency} calls at a time
        {' · '}
        {p.requestsPerMinute === null
          ? 'no rate limit'
          : `${p.requestsPerMinute.toLocaleString()} requests a minute`}
      </p>
      <ProviderEditForm key={`${p.baseUrl}|${p.concurrency}|${p.requestsPerMinute}`} provider={p} />
      {p.kind === 'demo' ? null : <ProviderKeyField provider={p} canStoreKeys={canStoreKeys} />}
    </li>
  )
}

/** A whole number in range, or null when `text` is not one. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null
  const n = Number(text)
  return n >= min && n <= max ? n : null
}

/** Base URL, concurrency and requests per minute; the core checks them (a base URL must be http(s)). */
function ProviderEditForm({ provider }: { provider: ProviderView }) {
  const submitKey = `provider:${provider.name}`
  const submit = useProviders(selectSubmit(submitKey))
  const deleting = useProviders(selectSubmit(`delete:${provider.name}`))
  const { save, remove } = useProviders(selectProvidersActions)
  const [baseUrl, setBaseUrl] = useState(provider.baseUrl ?? '')
  const [concurrency, setConcurrency] = useState(String(provider.concurrency))
  const [rpm, setRpm] = useState(
    provider.requestsPerMinute === null ? '' : String(provider.requestsPerMinute),
  )
  const [checked, setChecked] = useState(false)
  const label = (what: string) => `${what} for ${provider.name}`
  const parsedConcurrency = wholeNumber(concurrency, 1, 256)
  const parsedRpm = rpm.trim() === '' ? null : wholeNumber(rpm, 1, 1_000_000)
  const concurrencyError = parsedConcurrency === null ? 'A whole number from 1 to 256.' : undefined
  const rpmError = rpm.trim() !== '' && parsedRpm === null ? 'A positive whole number, or empty.' : undefined

  return (
    <form
      className="provider-form"
      aria-label={`Settings for ${provider.name}`}
      onSubmit={(event) => {
        event.preventDefault()
        setChecked(true)
        if (parsedConcurrency === null || rpmError) return
        void save(
          {
            name: provider.name,
            kind: provider.kind,
            baseUrl: baseUrl.trim() || null,
            concurrency: parsedConcurrency,
            requestsPerMinute: parsedRpm,
          },
          submitKey,
        )
      }}
    >
      <div className="field-row">
        {provider.kind === 'demo' ? null : (
          <Field label="Base URL" className="grow">
            <input
              type="text"
              className="mono-input"
              data-testid="provider-base-url"
              aria-label={label('Base URL')}
              placeholder={provider.kind === 'openai-compatible' ? 'http://127.0.0.1:11434/v1' : 'default'}
              spellCheck={false}
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
            />
          </Field>
        )}
        <Field label="Concurrency" className="narrow" error={checked ? concurrencyError : undefined}>
          <input
            type="number"
            data-testid="provider-concurrency"
            aria-label={label('Concurrency')}
            min={1}
            max={256}
            value={concurrency}
            onChange={(e) => setConcurrency(e.target.value)}
          />
        </Field>
        <Field label="Requests / minute" className="narrow" error={checked ? rpmError : undefined}>
          <input
            type="number"
            data-testid="provider-rpm"
            aria-label={label('Requests per minute')}
            min={1}
            placeholder="no limit"
            value={rpm}
            onChange={(e) => setRpm(e.target.value)}
          />
        </Field>
        <div className="provider-form-actions">
          <button
            type="submit"
            className="button small"
            data-testid="provider-save"
            disabled={submit.status === 'busy'}
          >
            {submit.status === 'busy' ? 'Saving…' : 'Save'}
          </button>
          {provider.builtIn ? null : (
            <button
              type="button"
              className="button small"
              data-testid="provider-delete"
              disabled={deleting.status === 'busy'}
              onClick={() => void remove(provider.name)}
            >
              Delete
            </button>
          )}
        </div>
      </div>
      {submit.status === 'done' ? <p className="op-status">Saved.</p> : null}
      {submit.error ? <ErrorNotice title={`Could not save ${provider.name}`} error={submit.error} /> : null}
      {deleting.error ? (
        <ErrorNotice title={`Could not delete ${provider.name}`} error={deleting.error} />
      ) : null}
    </form>
  )
}

import { useState } from 'react'
import {
  concurrencyBounds,
  type ProviderLocality,
  type ProviderView,
} from '../../../../shared/domain/providers'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useDeleteProvider, useSaveProvider } from '../../queries/providers'
import { submitOf } from '../../queries/submit'
import { CloudFields } from './CloudFields'
import { isAddableKind, kindForms } from './provider-kinds'
import {
  formTextOf,
  parseProviderForm,
  type ProviderFormErrors,
  type ProviderFormText,
} from './provider-form'

const localityOptions: { value: ProviderLocality; label: string }[] = [
  { value: 'auto', label: 'Automatic (from the base URL)' },
  { value: 'local', label: 'Local: calls are free' },
  { value: 'hosted', label: 'Hosted: calls are priced' },
]

type Setter = <K extends keyof ProviderFormText>(field: K, value: ProviderFormText[K]) => void

/** Base URL, limits, pricing and timeouts; the core checks them again (a base URL must be http(s)). */
export function ProviderEditForm({ provider }: { provider: ProviderView }) {
  const save = useSaveProvider()
  const remove = useDeleteProvider()
  const submit = submitOf(save)
  const deleting = submitOf(remove)
  const [text, setText] = useState(() => formTextOf(provider))
  const [errors, setErrors] = useState<ProviderFormErrors>({})
  const set: Setter = (field, value) => setText((t) => ({ ...t, [field]: value }))

  return (
    <form
      className="provider-form"
      aria-label={`Settings for ${provider.name}`}
      onSubmit={(event) => {
        event.preventDefault()
        const parsed = parseProviderForm(provider, text)
        setErrors('errors' in parsed ? parsed.errors : {})
        if ('config' in parsed) save.mutate(parsed.config)
      }}
    >
      <div className="field-row">
        {provider.kind === 'demo' ? null : (
          <BaseUrlField provider={provider} text={text} set={set} errors={errors} />
        )}
        <LimitFields provider={provider} text={text} set={set} errors={errors} />
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
              onClick={() => remove.mutate({ name: provider.name })}
            >
              Delete
            </button>
          )}
        </div>
      </div>
      <CloudFields kind={provider.kind} owner={provider.name} prefix="provider" {...{ text, set, errors }} />
      {provider.kind === 'demo' ? null : (
        <CallFields provider={provider} text={text} set={set} errors={errors} />
      )}
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {submit.status === 'done' ? <p className="op-status">Saved.</p> : null}
      {submit.error ? <ErrorNotice title={`Could not save ${provider.name}`} error={submit.error} /> : null}
      {deleting.error ? (
        <ErrorNotice title={`Could not delete ${provider.name}`} error={deleting.error} />
      ) : null}
    </form>
  )
}

interface FieldsProps {
  provider: ProviderView
  text: ProviderFormText
  set: Setter
  errors?: ProviderFormErrors
}

const labelFor = (provider: ProviderView, what: string) => `${what} for ${provider.name}`

function BaseUrlField({ provider, text, set, errors = {} }: FieldsProps) {
  const form = isAddableKind(provider.kind) ? kindForms[provider.kind] : undefined
  const label = form?.baseUrlLabel ?? 'Base URL'
  return (
    <Field label={label} className="grow" error={errors.baseUrl}>
      <input
        type="text"
        className="mono-input"
        data-testid="provider-base-url"
        aria-label={labelFor(provider, label)}
        placeholder={form?.baseUrlPlaceholder ?? 'default'}
        spellCheck={false}
        value={text.baseUrl}
        onChange={(e) => set('baseUrl', e.target.value)}
      />
    </Field>
  )
}

function LimitFields({ provider, text, set, errors = {} }: FieldsProps) {
  return (
    <>
      <Field label="Concurrency" className="narrow" error={errors.concurrency}>
        <input
          type="number"
          data-testid="provider-concurrency"
          aria-label={labelFor(provider, 'Concurrency')}
          min={concurrencyBounds.min}
          max={concurrencyBounds.max}
          value={text.concurrency}
          onChange={(e) => set('concurrency', e.target.value)}
        />
      </Field>
      <Field label="Requests / minute" className="narrow" error={errors.rpm}>
        <input
          type="number"
          data-testid="provider-rpm"
          aria-label={labelFor(provider, 'Requests per minute')}
          min={1}
          placeholder="no limit"
          value={text.rpm}
          onChange={(e) => set('rpm', e.target.value)}
        />
      </Field>
    </>
  )
}

/** Whether calls cost money, and how long one may take before it counts as hung. */
function CallFields({ provider, text, set, errors = {} }: FieldsProps) {
  return (
    <div className="field-row">
      <Field label="Pricing" className="medium" hint="Local models cost nothing; hosted ones are priced.">
        <select
          data-testid="provider-locality-select"
          aria-label={labelFor(provider, 'Pricing')}
          value={text.locality}
          onChange={(e) => set('locality', e.target.value as ProviderLocality)}
        >
          {localityOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Call timeout (s)" className="narrow" error={errors.requestTimeoutS}>
        <input
          type="text"
          inputMode="decimal"
          data-testid="provider-request-timeout"
          aria-label={labelFor(provider, 'Call timeout in seconds')}
          placeholder="auto"
          value={text.requestTimeoutS}
          onChange={(e) => set('requestTimeoutS', e.target.value)}
        />
      </Field>
      <Field
        label="Silence timeout (s)"
        className="narrow"
        error={errors.idleTimeoutS}
        hint="No byte for this long cuts the call."
      >
        <input
          type="text"
          inputMode="decimal"
          data-testid="provider-idle-timeout"
          aria-label={labelFor(provider, 'Silence timeout in seconds')}
          placeholder="auto"
          value={text.idleTimeoutS}
          onChange={(e) => set('idleTimeoutS', e.target.value)}
        />
      </Field>
    </div>
  )
}

import { useState } from 'react'
import { concurrencyBounds } from '../../../../shared/domain/providers'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useSaveProvider } from '../../queries/providers'
import { submitOf } from '../../queries/submit'
import { CloudFields, type FormSetter } from './CloudFields'
import {
  emptyFormText,
  parseProviderForm,
  type ProviderFormErrors,
  type ProviderFormText,
} from './provider-form'
import { addableKinds, kindForms, type AddableKind } from './provider-kinds'

/**
 * A provider of the user's own: an OpenAI-compatible server (Ollama, vLLM, LM Studio, a gateway), an Azure
 * OpenAI resource, Google Gemini or AWS Bedrock. The fields follow the kind; the key is set on its row.
 */
export function AddProviderForm() {
  const save = useSaveProvider()
  const submit = submitOf(save)
  const [name, setName] = useState('')
  const [kind, setKind] = useState<AddableKind>('openai-compatible')
  const [text, setText] = useState<ProviderFormText>(emptyFormText)
  const [errors, setErrors] = useState<ProviderFormErrors>({})
  const set: FormSetter = (field, value) => setText((t) => ({ ...t, [field]: value }))
  const form = kindForms[kind]
  const ready = name.trim() !== '' && (!form.baseUrlRequired || text.baseUrl.trim() !== '')

  const onSubmit = () => {
    const parsed = parseProviderForm({ name: name.trim(), kind }, text)
    setErrors('errors' in parsed ? parsed.errors : {})
    if (!('config' in parsed)) return
    save.mutate(parsed.config, {
      onSuccess: () => {
        setName('')
        setText(emptyFormText)
      },
    })
  }

  return (
    <form
      className="add-provider"
      aria-labelledby="add-provider-title"
      onSubmit={(event) => {
        event.preventDefault()
        if (ready) onSubmit()
      }}
    >
      <h3 id="add-provider-title">Add a provider</h3>
      <div className="field-row">
        <Field label="Kind" className="medium">
          <select
            data-testid="provider-add-kind"
            aria-label="Kind of the new provider"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as AddableKind)
              setErrors({})
            }}
          >
            {addableKinds.map((k) => (
              <option key={k} value={k}>
                {kindForms[k].label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Name"
          className="medium"
          hint='Lower-case, e.g. "ollama"; models are then "ollama/<model>".'
          error={errors.form}
        >
          <input
            type="text"
            className="mono-input"
            data-testid="provider-add-name"
            aria-label="Name of the new provider"
            spellCheck={false}
            maxLength={40}
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              if (submit.status !== 'idle') save.reset()
            }}
          />
        </Field>
        <Field label={form.baseUrlLabel} className="grow" hint={form.baseUrlHint} error={errors.baseUrl}>
          <input
            type="text"
            className="mono-input"
            data-testid="provider-add-base-url"
            aria-label={`${form.baseUrlLabel} for the new provider`}
            placeholder={form.baseUrlPlaceholder}
            spellCheck={false}
            value={text.baseUrl}
            onChange={(e) => set('baseUrl', e.target.value)}
          />
        </Field>
        <Field label="Concurrency" className="narrow" error={errors.concurrency}>
          <input
            type="number"
            data-testid="provider-add-concurrency"
            aria-label="Concurrency of the new provider"
            min={concurrencyBounds.min}
            max={concurrencyBounds.max}
            value={text.concurrency}
            onChange={(e) => set('concurrency', e.target.value)}
          />
        </Field>
      </div>
      <CloudFields kind={kind} owner="the new provider" prefix="provider-add" {...{ text, set, errors }} />
      {form.credentials ? (
        <p className="field-hint" data-testid="provider-add-credentials">
          {form.credentials}
        </p>
      ) : null}
      <div className="provider-form-actions">
        <button
          type="submit"
          className="button small primary"
          data-testid="provider-add"
          disabled={!ready || submit.status === 'busy'}
        >
          Add provider
        </button>
      </div>
      {submit.status === 'done' ? <p className="op-status">Provider added.</p> : null}
      {submit.error ? (
        <ErrorNotice title="Could not add the provider" error={submit.error} testId="provider-add-error" />
      ) : null}
    </form>
  )
}

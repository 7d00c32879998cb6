import { useState } from 'react'
import { concurrencyBounds } from '../../../../shared/domain/providers'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useSaveProvider } from '../../queries/providers'
import { submitOf } from '../../queries/submit'
import { wholeNumber } from '../../lib/whole-number'

const defaultConcurrency = 4

/** A local or self-hosted server that speaks the OpenAI API (Ollama, vLLM, LM Studio, a gateway). */
export function AddProviderForm() {
  const save = useSaveProvider()
  const submit = submitOf(save)
  const [name, setName] = useState('')
  const [baseUrl, setBaseUrl] = useState('')
  const [concurrency, setConcurrency] = useState(String(defaultConcurrency))
  const parsed = wholeNumber(concurrency, concurrencyBounds.min, concurrencyBounds.max)
  const ready = name.trim() !== '' && baseUrl.trim() !== '' && parsed !== null

  return (
    <form
      className="add-provider"
      aria-labelledby="add-provider-title"
      onSubmit={(event) => {
        event.preventDefault()
        if (!ready) return
        save.mutate(
          {
            name: name.trim(),
            kind: 'openai-compatible',
            baseUrl: baseUrl.trim(),
            concurrency: parsed,
            requestsPerMinute: null,
            locality: 'auto',
            requestTimeoutMs: null,
            idleTimeoutMs: null,
          },
          {
            onSuccess: () => {
              setName('')
              setBaseUrl('')
              setConcurrency(String(defaultConcurrency))
            },
          },
        )
      }}
    >
      <h3 id="add-provider-title">Add an OpenAI-compatible provider</h3>
      <div className="field-row">
        <Field
          label="Name"
          className="medium"
          hint='Lower-case, e.g. "ollama"; models are then "ollama/<model>".'
        >
          <input
            type="text"
            className="mono-input"
            data-testid="provider-add-name"
            spellCheck={false}
            maxLength={40}
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              if (submit.status !== 'idle') save.reset()
            }}
          />
        </Field>
        <Field
          label="Base URL"
          className="grow"
          hint="e.g. http://127.0.0.1:11434/v1 for Ollama, http://127.0.0.1:8000/v1 for vLLM"
        >
          <input
            type="text"
            className="mono-input"
            data-testid="provider-add-base-url"
            placeholder="http://127.0.0.1:11434/v1"
            spellCheck={false}
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
          />
        </Field>
        <Field
          label="Concurrency"
          className="narrow"
          error={
            parsed === null
              ? `A whole number from ${concurrencyBounds.min} to ${concurrencyBounds.max}.`
              : undefined
          }
        >
          <input
            type="number"
            data-testid="provider-add-concurrency"
            min={concurrencyBounds.min}
            max={concurrencyBounds.max}
            value={concurrency}
            onChange={(e) => setConcurrency(e.target.value)}
          />
        </Field>
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
      </div>
      {submit.status === 'done' ? <p className="op-status">Provider added.</p> : null}
      {submit.error ? (
        <ErrorNotice title="Could not add the provider" error={submit.error} testId="provider-add-error" />
      ) : null}
    </form>
  )
}

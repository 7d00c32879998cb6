import { useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useProviderList, useSavePrice } from '../../queries/providers'
import { submitOf } from '../../queries/submit'

interface Draft {
  provider: string
  model: string
  input: string
  output: string
  cached: string
}

const blank: Draft = { provider: '', model: '', input: '', output: '', cached: '' }

/** A price in USD per million tokens: a number from 0 to 10,000, or null when `text` is not one. */
export function perMTok(text: string): number | null {
  if (text.trim() === '') return null
  const n = Number(text)
  return Number.isFinite(n) && n >= 0 && n <= 10_000 ? n : null
}

/** Adds or replaces the price of one provider/model. */
export function PriceForm() {
  const { providers = [] } = useProviderList()
  const savePrice = useSavePrice()
  const submit = submitOf(savePrice)
  const [draft, setDraft] = useState<Draft>(blank)
  const set = (field: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }))
  const input = perMTok(draft.input)
  const output = perMTok(draft.output)
  const cached = perMTok(draft.cached)
  const cachedBad = draft.cached.trim() !== '' && cached === null
  const ready =
    draft.provider.trim() !== '' &&
    draft.model.trim() !== '' &&
    input !== null &&
    output !== null &&
    !cachedBad

  return (
    <form
      className="price-form"
      aria-labelledby="price-form-title"
      onSubmit={(event) => {
        event.preventDefault()
        if (!ready || input === null || output === null) return
        savePrice.mutate(
          {
            provider: draft.provider.trim(),
            model: draft.model.trim(),
            inputPerMTok: input,
            outputPerMTok: output,
            cachedInputPerMTok: cached,
          },
          { onSuccess: () => setDraft(blank) },
        )
      }}
    >
      <h3 id="price-form-title">Add or replace a price</h3>
      <div className="field-row">
        <Field label="Provider" className="narrow">
          <input
            type="text"
            className="mono-input"
            data-testid="price-provider"
            list="price-provider-names"
            spellCheck={false}
            value={draft.provider}
            onChange={set('provider')}
          />
        </Field>
        <datalist id="price-provider-names">
          {providers.map((p) => (
            <option key={p.name} value={p.name} />
          ))}
        </datalist>
        <Field label="Model" className="grow">
          <input
            type="text"
            className="mono-input"
            data-testid="price-model"
            spellCheck={false}
            value={draft.model}
            onChange={set('model')}
          />
        </Field>
        <Field label="Input $/M tokens" className="narrow">
          <input
            type="number"
            data-testid="price-input"
            min={0}
            step="any"
            value={draft.input}
            onChange={set('input')}
          />
        </Field>
        <Field label="Output $/M tokens" className="narrow">
          <input
            type="number"
            data-testid="price-output"
            min={0}
            step="any"
            value={draft.output}
            onChange={set('output')}
          />
        </Field>
        <Field
          label="Cached input $/M"
          className="narrow"
          error={cachedBad ? 'A number from 0 to 10,000.' : undefined}
        >
          <input
            type="number"
            data-testid="price-cached"
            min={0}
            step="any"
            placeholder="optional"
            value={draft.cached}
            onChange={set('cached')}
          />
        </Field>
        <div className="provider-form-actions">
          <button
            type="submit"
            className="button small primary"
            data-testid="price-save"
            disabled={!ready || submit.status === 'busy'}
          >
            Save price
          </button>
        </div>
      </div>
      {submit.status === 'done' ? (
        <p className="op-status">Price saved. It applies to runs started from now on.</p>
      ) : null}
      {submit.error ? (
        <ErrorNotice title="Could not save the price" error={submit.error} testId="price-error" />
      ) : null}
    </form>
  )
}

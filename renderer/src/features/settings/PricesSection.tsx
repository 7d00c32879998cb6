import { ErrorNotice } from '../../components/ErrorNotice'
import { toErrorInfo } from '../../api'
import { useDeletePrice, usePrices } from '../../queries/providers'
import { submitOf } from '../../queries/submit'
import { PriceForm } from './PriceForm'
import { modelKey } from '../../../../shared/lib/model-ref'

const perM = (n: number | null) =>
  n === null ? '—' : `$${n.toLocaleString(undefined, { maximumFractionDigits: 4 })}`

/** The user's own prices (negotiated rates, models missing from the price table), per million tokens. */
export function PricesSection() {
  const { data: prices = [], error, isSuccess } = usePrices()
  const remove = useDeletePrice()
  const deleting = submitOf(remove)
  const sorted = [...prices].sort((a, b) => modelKey(a).localeCompare(modelKey(b)))

  return (
    <section className="panel settings" data-testid="prices-section" aria-labelledby="settings-prices">
      <h2 id="settings-prices">Prices</h2>
      <p className="muted">
        Eval Lab estimates cost from public list prices. Add an override for a negotiated rate or a model the
        table does not know, in USD per million tokens. Overrides apply to runs started afterwards; a run
        keeps the prices it started with.
      </p>
      <p className="muted" data-testid="prices-batch-note">
        These are streamed prices. In a batch-mode run, calls through OpenAI and Anthropic Batch APIs are
        charged half of them (the providers&apos; published batch discount), overrides included.
      </p>
      {error ? (
        <ErrorNotice
          title="Could not load price overrides"
          error={toErrorInfo(error)}
          testId="prices-error"
        />
      ) : null}
      {deleting.error ? <ErrorNotice title="Could not delete the price" error={deleting.error} /> : null}
      {sorted.length > 0 ? (
        <table className="dataset-table price-table">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col" className="num">
                Input
              </th>
              <th scope="col" className="num">
                Output
              </th>
              <th scope="col" className="num">
                Cached input
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((p) => (
              <tr key={modelKey(p)} data-testid="price-row" data-provider={p.provider} data-model={p.model}>
                <th scope="row">
                  <code>
                    {p.provider}/{p.model}
                  </code>
                </th>
                <td className="num">{perM(p.inputPerMTok)}</td>
                <td className="num">{perM(p.outputPerMTok)}</td>
                <td className="num">{perM(p.cachedInputPerMTok)}</td>
                <td>
                  <button
                    type="button"
                    className="button small"
                    data-testid="price-delete"
                    aria-label={`Delete the price for ${p.provider}/${p.model}`}
                    onClick={() => remove.mutate({ provider: p.provider, model: p.model })}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : isSuccess ? (
        <p className="muted" data-testid="prices-empty">
          No overrides: list prices are used.
        </p>
      ) : null}
      <PriceForm />
    </section>
  )
}

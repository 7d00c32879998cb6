import { ErrorNotice } from '../../components/ErrorNotice'
import { useProviderList } from '../../queries/providers'
import { AddProviderForm } from './AddProviderForm'
import { ProviderRow } from './ProviderRow'

/** Where calls go: one row per provider with its limits and where its key comes from. */
export function ProvidersSection() {
  const { providers = [], secretStore, query, error } = useProviderList()

  return (
    <section className="panel settings" data-testid="providers-section" aria-labelledby="settings-providers">
      <h2 id="settings-providers">Providers</h2>
      <p className="muted">
        A prompt version pins a model as <code>provider/model</code>; these are the providers it can name.
        Concurrency and requests per minute limit each run. Keys never leave this computer and are never shown
        again once saved.
      </p>
      {secretStore && !secretStore.canStoreKeys ? (
        <div className="banner warn" data-testid="secret-store-notice" role="note">
          <span>
            {secretStore.reason ?? 'Keys cannot be saved here.'} Set each provider&apos;s environment variable
            (named below) before starting Eval Lab.
          </span>
        </div>
      ) : null}
      {error ? <ErrorNotice title="Could not load providers" error={error} testId="providers-error" /> : null}
      {query.isPending && providers.length === 0 ? <p className="muted">Loading providers…</p> : null}
      <ul className="provider-list">
        {providers.map((p) => (
          <ProviderRow key={p.name} provider={p} canStoreKeys={secretStore?.canStoreKeys ?? false} />
        ))}
      </ul>
      <AddProviderForm />
    </section>
  )
}

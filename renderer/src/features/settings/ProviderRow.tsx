import type { ProviderView } from '../../../../shared/domain/providers'
import { keySourceLabel } from '../../stores/providers/selectors'
import { ProviderEditForm } from './ProviderEditForm'
import { ProviderKeyField } from './ProviderKeyField'
import { kindForms } from './provider-kinds'

interface Props {
  provider: ProviderView
  canStoreKeys: boolean
}

const kindLabels: Record<ProviderView['kind'], string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'openai-compatible': 'OpenAI-compatible',
  'azure-openai': 'Azure OpenAI',
  gemini: 'Google Gemini',
  bedrock: 'AWS Bedrock',
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
        {' · '}
        <span data-testid="provider-locality" data-local={p.isLocal ? 'true' : 'false'}>
          {localityLabel(p)}
        </span>
        {' · '}
        {timeoutLabel(p)}
        {cloudLabel(p) ? <span data-testid="provider-cloud">{` · ${cloudLabel(p)}`}</span> : null}
      </p>
      <ProviderEditForm key={formKey(p)} provider={p} />
      {p.kind === 'bedrock' ? (
        <p className="field-hint" data-testid="provider-credentials">
          {kindForms.bedrock.credentials}
        </p>
      ) : null}
      {p.kind === 'demo' || p.kind === 'bedrock' ? null : (
        <ProviderKeyField provider={p} canStoreKeys={canStoreKeys} />
      )}
    </li>
  )
}

/** A fresh form whenever the saved settings change, so its fields show what is stored. */
const formKey = (p: ProviderView): string =>
  [
    p.baseUrl,
    p.concurrency,
    p.requestsPerMinute,
    p.locality,
    p.requestTimeoutMs,
    p.idleTimeoutMs,
    p.apiVersion,
    p.region,
    JSON.stringify(p.deployments),
  ].join('|')

/** Azure's API version and deployments, Bedrock's region: what the summary line says of a cloud provider. */
function cloudLabel(p: ProviderView): string | null {
  if (p.kind === 'bedrock') return `region ${p.region ?? 'not set'}`
  if (p.kind !== 'azure-openai') return null
  const count = Object.keys(p.deployments).length
  const deployments =
    count === 0 ? 'deployments named as the models' : `${count} deployment${count === 1 ? '' : 's'} mapped`
  return `api-version ${p.apiVersion ?? 'not set'} · ${deployments}`
}

export function localityLabel(p: Pick<ProviderView, 'isLocal' | 'localityReason'>): string {
  return p.isLocal
    ? `local, free (${p.localityReason})`
    : `hosted, priced from the price table or your prices (${p.localityReason})`
}

const seconds = (ms: number): string => `${ms / 1000} s`

function timeoutLabel(p: ProviderView): string {
  const request = p.requestTimeoutMs === null ? 'automatic' : seconds(p.requestTimeoutMs)
  const idle = p.idleTimeoutMs === null ? 'automatic' : seconds(p.idleTimeoutMs)
  return `timeouts: call ${request}, silence ${idle}`
}

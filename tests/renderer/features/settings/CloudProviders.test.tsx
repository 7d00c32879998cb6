import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProviderView } from '../../../../shared/domain/providers'
import { createFakeCore, defaultState, type FakeCoreState } from '../../fixtures/fake-core'
import { builtInProviders } from '../../fixtures/fake-runs'
import { appState, renderApp } from '../render-app'
import { calls } from '../runs/helpers'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

async function openSettings(prepare: (state: FakeCoreState) => void = () => undefined) {
  const state = defaultState()
  prepare(state)
  const core = createFakeCore(state)
  renderApp(core.transport, { initialRoute: 'settings' })
  await waitFor(() => expect(appState()).toBe('ready'))
  await waitFor(() => expect(screen.getAllByTestId('provider-row').length).toBeGreaterThan(0))
  return { core, state }
}

const providerRow = (name: string) =>
  screen.getAllByTestId('provider-row').find((r) => r.dataset.name === name)!
const byId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)
const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } })

describe('adding providers of the cloud kinds', () => {
  it('adds an Azure OpenAI provider: endpoint, API version and deployments, each checked beside its field', async () => {
    const { core } = await openSettings()
    type(screen.getByLabelText('Kind of the new provider'), 'azure-openai')
    type(byId('provider-add-name'), 'azure-prod')
    type(screen.getByLabelText('Endpoint for the new provider'), 'https://acme.openai.azure.com')
    type(screen.getByLabelText('API version for the new provider'), 'latest')
    fireEvent.click(byId('provider-deployment-add'))
    fireEvent.click(byId('provider-deployment-add'))
    type(screen.getByLabelText('Model id of deployment row 1 for the new provider'), 'gpt-4o-mini')
    type(screen.getByLabelText('Deployment name of row 1 for the new provider'), 'prod mini')
    type(screen.getByLabelText('Model id of deployment row 2 for the new provider'), 'gpt-4o')
    fireEvent.click(byId('provider-add'))
    expect(await screen.findByText('Give the deployment name that serves gpt-4o.')).toBeTruthy()

    fireEvent.click(screen.getByLabelText('Remove deployment row 2 for the new provider'))
    fireEvent.click(byId('provider-add'))
    // The shared schema's words: the version beside its field, the deployment name beside its row.
    expect(await screen.findByText(/An API version looks like 2024-10-21/)).toBeTruthy()
    expect(byId('provider-deployment-error').textContent).toMatch(/A deployment name uses letters/)
    expect(calls(core, 'providers.save')).toHaveLength(0)

    type(screen.getByLabelText('API version for the new provider'), '2024-10-21')
    type(screen.getByLabelText('Deployment name of row 1 for the new provider'), 'prod-mini')
    fireEvent.click(byId('provider-add'))
    await waitFor(() => expect(providerRow('azure-prod')).toBeTruthy())
    expect(calls(core, 'providers.save')[0]?.input).toMatchObject({
      name: 'azure-prod',
      kind: 'azure-openai',
      baseUrl: 'https://acme.openai.azure.com',
      apiVersion: '2024-10-21',
      region: null,
      deployments: { 'gpt-4o-mini': 'prod-mini' },
    })
    const row = providerRow('azure-prod')
    expect(row.textContent).toContain('Azure OpenAI')
    expect(within(row).getByTestId('provider-cloud').textContent).toBe(
      ' · api-version 2024-10-21 · 1 deployment mapped',
    )
    // Its key is handled as every hosted provider's: the keychain, or the environment (or an Entra token).
    expect(within(row).getByTestId('provider-key')).toBeTruthy()
    expect(row.textContent).toContain('AZURE_OPENAI_AD_TOKEN')
  })

  it('adds Gemini with no base URL, and Bedrock with a region and no key field', async () => {
    const { core } = await openSettings()
    type(byId('provider-add-kind'), 'gemini')
    type(byId('provider-add-name'), 'gemini-eu')
    expect(screen.getByLabelText('Base URL (optional) for the new provider')).toBeTruthy()
    fireEvent.click(byId('provider-add'))
    await waitFor(() => expect(providerRow('gemini-eu')).toBeTruthy())
    expect(calls(core, 'providers.save')[0]?.input).toMatchObject({ kind: 'gemini', baseUrl: null })
    expect(within(providerRow('gemini-eu')).getByTestId('provider-key')).toBeTruthy()

    type(byId('provider-add-kind'), 'bedrock')
    type(byId('provider-add-name'), 'bedrock-eu')
    expect(byId('provider-add-credentials').textContent).toContain('AWS_PROFILE')
    type(screen.getByLabelText('Region for the new provider'), 'Frankfurt')
    fireEvent.click(byId('provider-add'))
    expect(await screen.findByText(/A region looks like us-east-1/)).toBeTruthy()
    type(screen.getByLabelText('Region for the new provider'), 'eu-central-1')
    fireEvent.click(byId('provider-add'))
    await waitFor(() => expect(providerRow('bedrock-eu')).toBeTruthy())
    expect(calls(core, 'providers.save')[1]?.input).toMatchObject({ kind: 'bedrock', region: 'eu-central-1' })
    const row = providerRow('bedrock-eu')
    expect(within(row).queryByTestId('provider-key')).toBeNull()
    expect(within(row).getByTestId('provider-credentials').textContent).toContain('AWS credential chain')
    expect(within(row).getByTestId('provider-cloud').textContent).toBe(' · region eu-central-1')
  })
})

const azureProd: ProviderView = {
  ...builtInProviders[0]!,
  name: 'azure-prod',
  kind: 'azure-openai',
  baseUrl: 'https://acme.openai.azure.com',
  apiVersion: '2024-10-21',
  deployments: { 'gpt-4o-mini': 'prod-mini', 'gpt-4o': 'prod-4o' },
  keySource: 'environment',
  keyEnvVar: 'AZURE_OPENAI_AD_TOKEN',
  builtIn: false,
}

describe('editing an Azure OpenAI provider', () => {
  it('shows its deployments, saves a changed one and a removed one, and names an Entra token as such', async () => {
    const { core } = await openSettings((state) => {
      state.providers = [...builtInProviders.map((p) => ({ ...p })), { ...azureProd }]
    })
    const row = within(providerRow('azure-prod'))
    expect(row.getByTestId('provider-key-source').textContent).toBe(
      'Microsoft Entra token from the environment (AZURE_OPENAI_AD_TOKEN)',
    )
    expect(row.getAllByTestId('provider-deployment-row')).toHaveLength(2)
    type(row.getByLabelText('Deployment name of row 1 for azure-prod'), 'prod-mini-2')
    fireEvent.click(row.getByLabelText('Remove deployment row 2 for azure-prod'))
    type(row.getByLabelText('API version for azure-prod'), '2025-01-01-preview')
    fireEvent.click(row.getByTestId('provider-save'))
    await waitFor(() => expect(calls(core, 'providers.save')).toHaveLength(1))
    expect(calls(core, 'providers.save')[0]?.input).toMatchObject({
      apiVersion: '2025-01-01-preview',
      deployments: { 'gpt-4o-mini': 'prod-mini-2' },
    })
    await waitFor(() =>
      expect(within(providerRow('azure-prod')).getByTestId('provider-cloud').textContent).toContain(
        'api-version 2025-01-01-preview',
      ),
    )
  })
})

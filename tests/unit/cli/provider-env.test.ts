import { describe, expect, it } from 'vitest'
import { cliProviderSettings, providerUsage } from '../../../electron/main/cli/providers'

// Providers of the cloud kinds from EVALLAB_<NAME>_KIND and their variables, checked by Settings' schema.
const azure = {
  EVALLAB_AZURE_PROD_KIND: 'azure-openai',
  EVALLAB_AZURE_PROD_BASE_URL: 'https://acme.openai.azure.com',
  EVALLAB_AZURE_PROD_API_VERSION: '2024-10-21',
  EVALLAB_AZURE_PROD_DEPLOYMENTS: 'gpt-4o=prod-gpt4o, gpt-4o-mini=mini',
  EVALLAB_AZURE_PROD_API_KEY: 'azure-key',
}
/** The variables without one of them. */
function without(env: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key !== name))
}
const settingsOf = (env: Record<string, string>, provider: string[] = []) =>
  cliProviderSettings({ provider }, env)

describe('cloud providers from the environment', () => {
  it('reads an Azure provider: endpoint, api-version, deployments and key', () => {
    expect(settingsOf(azure)['azure-prod']).toEqual({
      kind: 'azure-openai',
      baseUrl: 'https://acme.openai.azure.com',
      apiVersion: '2024-10-21',
      deployments: { 'gpt-4o': 'prod-gpt4o', 'gpt-4o-mini': 'mini' },
      concurrency: 8,
      apiKey: 'azure-key',
    })
    // --provider NAME=URL sets the endpoint of a provider whose kind comes from the environment.
    const flagged = settingsOf(azure, ['azure-prod=https://other.openai.azure.com'])['azure-prod']
    expect(flagged).toMatchObject({ kind: 'azure-openai', baseUrl: 'https://other.openai.azure.com' })
  })

  it('takes a Microsoft Entra token when there is no key, and says so', () => {
    const noKey = without(azure, 'EVALLAB_AZURE_PROD_API_KEY')
    const settings = settingsOf({ ...noKey, AZURE_OPENAI_AD_TOKEN: 'entra-tok' })['azure-prod']
    expect(settings).toMatchObject({ apiKey: 'entra-tok', apiKeyKind: 'entra-token' })
    expect(() => settingsOf(noKey)).toThrow(
      'No API key for provider "azure-prod": set EVALLAB_AZURE_PROD_API_KEY or AZURE_OPENAI_API_KEY ' +
        '(or a Microsoft Entra token in EVALLAB_AZURE_PROD_AD_TOKEN or AZURE_OPENAI_AD_TOKEN)',
    )
  })

  it('names the variable to fix for each field the schema refuses', () => {
    const noVersion = without(azure, 'EVALLAB_AZURE_PROD_API_VERSION')
    expect(() => settingsOf(noVersion)).toThrow(
      'EVALLAB_AZURE_PROD_API_VERSION: An Azure OpenAI provider needs an API version',
    )
    expect(() => settingsOf({ ...azure, EVALLAB_AZURE_PROD_API_VERSION: 'latest' })).toThrow(
      'EVALLAB_AZURE_PROD_API_VERSION: An API version looks like 2024-10-21',
    )
    const noUrl = without(azure, 'EVALLAB_AZURE_PROD_BASE_URL')
    expect(() => settingsOf(noUrl)).toThrow(
      'EVALLAB_AZURE_PROD_BASE_URL: An Azure OpenAI provider needs its endpoint',
    )
    expect(() => settingsOf({ ...azure, EVALLAB_AZURE_PROD_DEPLOYMENTS: 'gpt-4o' })).toThrow(
      'EVALLAB_AZURE_PROD_DEPLOYMENTS: "gpt-4o" is not MODEL=DEPLOYMENT',
    )
    expect(() => settingsOf({ ...azure, EVALLAB_AZURE_PROD_DEPLOYMENTS: 'gpt-4o=prod gpt' })).toThrow(
      /^EVALLAB_AZURE_PROD_DEPLOYMENTS: A deployment name uses letters/,
    )
    expect(() => settingsOf({ ...azure, EVALLAB_AZURE_PROD_KIND: 'azure' })).toThrow(
      'EVALLAB_AZURE_PROD_KIND: "azure" is not one of azure-openai, gemini, bedrock',
    )
  })

  it('reads Gemini (key, optional proxy) and Bedrock (region, AWS credentials, no key)', () => {
    const env = {
      EVALLAB_GEMINI_EU_KIND: 'gemini',
      GEMINI_API_KEY: 'g-key',
      EVALLAB_BEDROCK_EU_KIND: 'bedrock',
      EVALLAB_BEDROCK_EU_REGION: 'eu-central-1',
    }
    const settings = settingsOf(env)
    expect(settings['gemini-eu']).toEqual({ kind: 'gemini', concurrency: 8, apiKey: 'g-key' })
    expect(settings['bedrock-eu']).toEqual({ kind: 'bedrock', concurrency: 4, region: 'eu-central-1' })
    expect(() => settingsOf({ ...env, EVALLAB_BEDROCK_EU_REGION: 'Frankfurt' })).toThrow(
      'EVALLAB_BEDROCK_EU_REGION: A region looks like us-east-1',
    )
    const noGeminiKey = without(env, 'GEMINI_API_KEY')
    expect(() => settingsOf(noGeminiKey)).toThrow(
      'No API key for provider "gemini-eu": set EVALLAB_GEMINI_EU_API_KEY or GEMINI_API_KEY',
    )
  })

  it('documents the variables in the usage text', () => {
    for (const name of ['_KIND', '_API_VERSION', '_DEPLOYMENTS', '_REGION', 'AZURE_OPENAI_AD_TOKEN']) {
      expect(providerUsage).toContain(name)
    }
  })
})

/** Environment variable names of provider credentials: the core reads them, Settings names them. */
/** `my-vllm` -> `EVALLAB_MY_VLLM_API_KEY`: the name every provider's own key can be given under. */
export function apiKeyEnvName(name: string): string {
  return `EVALLAB_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_KEY`
}

/** `azure-prod` -> `EVALLAB_AZURE_PROD_AD_TOKEN`: a Microsoft Entra token for one Azure OpenAI provider. */
export function entraTokenEnvName(name: string): string {
  return apiKeyEnvName(name).replace(/_API_KEY$/, '_AD_TOKEN')
}

/** The Azure SDKs' own variable for a Microsoft Entra token, read when a provider has none of its own. */
export const AZURE_AD_TOKEN_VAR = 'AZURE_OPENAI_AD_TOKEN'

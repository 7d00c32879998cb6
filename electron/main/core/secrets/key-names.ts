// The names are shared with the renderer, which tells users which variable to set.
export { apiKeyEnvName, AZURE_AD_TOKEN_VAR, entraTokenEnvName } from '../../../../shared/lib/key-names'

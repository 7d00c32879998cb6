/**
 * What to do about a provider that cannot be called, in the words of the front end the user is in: the app
 * says where in Settings, the CLI which flag or variable. The core's errors state the problem and end with
 * this advice, so neither front end has to rewrite the other's messages.
 */
export interface ProviderAdvice {
  /** No settings at all for this provider name. */
  unknownProvider(name: string): string
  /** An OpenAI-compatible provider without a base URL. */
  missingBaseUrl(name: string): string
  /** A hosted provider without a key; `envVar` is the variable the key would be read from. */
  missingKey(name: string, envVar: string): string
}

/** The app's (and browser host's) wording: providers are configured in Settings → Providers. */
export const settingsAdvice: ProviderAdvice = {
  unknownProvider: () => 'add it in Settings → Providers',
  missingBaseUrl: () => 'set one in Settings → Providers',
  missingKey: (_name, envVar) => `add one in Settings → Providers or set ${envVar}`,
}

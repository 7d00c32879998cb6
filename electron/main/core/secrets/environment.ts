import { AppError } from '../../../../shared/contract'
import type { SecretStoreInfo } from '../../../../shared/domain/providers'
import { apiKeyEnvName } from './key-names'
import type { SecretStore } from './types'

export type Env = Record<string, string | undefined>

const info: SecretStoreInfo = {
  kind: 'environment',
  canStoreKeys: false,
  reason: 'Keys are read from environment variables here (browser host and CLI), never saved.',
}

/**
 * The store of the browser host and the CLI: keys come only from EVALLAB_<NAME>_API_KEY variables (the
 * vendor variables such as OPENAI_API_KEY are the fallback every store shares, see keys.ts). `env` is read
 * on every lookup, so it may be process.env itself.
 */
export function createEnvironmentSecretStore(env: Env): SecretStore {
  return {
    info: () => info,
    get: (name) => env[apiKeyEnvName(name)]?.trim() || undefined,
    set: (name) =>
      Promise.reject(
        new AppError(
          'INVALID_INPUT',
          `In the browser host and the CLI keys are read from the environment: set ${apiKeyEnvName(name)} and restart`,
        ),
      ),
  }
}

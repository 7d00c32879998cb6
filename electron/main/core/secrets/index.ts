export type { SecretStore } from './types'
export { createEnvironmentSecretStore, type Env } from './environment'
export { createEncryptedFileSecretStore, type EncryptedFileStoreOptions } from './encrypted-file'
export { resolveProviderKey, type ResolvedKey } from './keys'

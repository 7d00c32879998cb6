// Public surface of the core for the three hosts (Electron main, Node host, CLI).
// Implementation in progress: see workspace.ts and api/.
export { openCore, type Core, type CoreOptions } from './core'
export { platformDataDir, resolveHome } from './home'
export type { Dispatch } from './dispatch'
export type { EventBus } from './events'
export type { PromotionRequirement } from './prompts/promotion'
export {
  createEncryptedFileSecretStore,
  createEnvironmentSecretStore,
  type EncryptedFileStoreOptions,
  type SecretStore,
} from './secrets'
export { createSessionSigningKeyStore, type SigningKeyStore } from './signing'

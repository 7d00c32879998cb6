export type { SigningKeyStore } from './types'
export { createSessionSigningKeyStore } from './session-store'
export {
  createEncryptedFileSigningKeyStore,
  type EncryptedSigningKeyStoreOptions,
} from './encrypted-file-store'
export { keyIdOf, publicKeyFile } from './key-pair'

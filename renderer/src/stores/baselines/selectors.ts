import type { SigningKey, Signoff } from '../../../../shared/domain/bundles'
import type { FolderState } from './folder-store'
import type { SignoffState } from './signoff-store'
import type { SigningKeysState } from './signing-keys-store'

export const selectKeys = (s: SigningKeysState) => s.keys
export const selectKeysLoad = (s: SigningKeysState) => s.load
export const selectKeyCreate = (s: SigningKeysState) => s.create
export const selectKeyRowSubmits = (s: SigningKeysState) => s.rowSubmits
export const selectKeysActions = (s: SigningKeysState) => s.actions

export const selectSignoffTarget = (s: SignoffState) => s.target
export const selectSignoffSubmit = (s: SignoffState) => s.submit
export const selectSignoffResult = (s: SignoffState) => s.result
export const selectSignoffActions = (s: SignoffState) => s.actions

export const selectFolder = (s: FolderState) => s
export const selectFolderActions = (s: FolderState) => s.actions

/** The keys a sign-off under `name` may use: a signature names its owner, so the names must match. */
export function keysOwnedBy(keys: readonly SigningKey[], name: string): SigningKey[] {
  const wanted = name.trim()
  return wanted ? keys.filter((k) => k.owner.trim() === wanted) : []
}

/** "sha256:1a2b3c4d5e6f…" → "1a2b3c4d5e6f": enough to compare by eye. */
export function shortHash(ref: string): string {
  return ref.replace(/^sha256:/, '').slice(0, 12)
}

/** How one sign-off reads in a list: signed with which key, or not signed. */
export function signatureText(signoff: Pick<Signoff, 'signature'>): string {
  return signoff.signature ? `signed with key ${signoff.signature.keyId}` : 'unsigned'
}

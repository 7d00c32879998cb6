import type { ApiClient } from '../../api'
import { watchTables } from '../watch-tables'
import { createFolderStore, folderTables, type FolderStore } from './folder-store'
import { createSignoffStore, type SignoffStore } from './signoff-store'
import { createSigningKeysStore, type SigningKeysStore } from './signing-keys-store'

/** Signing keys (Settings), the sign-off dialog (run summary) and a prompt's baseline folder (prompt tab). */
export interface BaselinesStores {
  keys: SigningKeysStore
  signoff: SignoffStore
  folder: FolderStore
  /** Stops listening to core events. */
  dispose(): void
}

export function createBaselinesStores(client: ApiClient, refetchDelayMs?: number): BaselinesStores {
  const keys = createSigningKeysStore(client)
  const folder = createFolderStore(client)
  // A sign-off may also set the baseline: the prompt tab, if it shows that prompt, follows at once.
  const signoff = createSignoffStore(client, (made) => {
    if (folder.getState().promptId === made.promptId) void folder.getState().actions.refresh()
  })
  const off = watchTables(
    client,
    folderTables,
    () => void folder.getState().actions.refresh(),
    refetchDelayMs,
  )
  return { keys, signoff, folder, dispose: off }
}

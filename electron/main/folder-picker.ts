import { dialog } from 'electron'

/** Kept in step with electron/preload/index.ts (a test checks both agree). */
export const FOLDER_CHANNEL = 'evallab:choose-folder'

/**
 * The native "choose a folder" dialog, for the baseline folder in a team repo. It returns a path only: the
 * page never gets file system access, and the core validates the path like any typed one.
 */
export async function chooseFolder(title: unknown): Promise<string | null> {
  const result = await dialog.showOpenDialog({
    title: typeof title === 'string' && title.length <= 200 ? title : 'Choose a folder',
    properties: ['openDirectory', 'createDirectory'],
  })
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

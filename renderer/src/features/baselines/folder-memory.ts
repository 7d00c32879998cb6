/** The export folder last used for each prompt, so the team's repo path is typed once per prompt. */
const keyFor = (promptId: string) => `evallab.bundleFolder.${promptId}`

export function rememberedFolder(promptId: string): string {
  try {
    return localStorage.getItem(keyFor(promptId)) ?? ''
  } catch {
    // Storage can be disabled (privacy settings); the field then simply starts empty.
    return ''
  }
}

export function rememberFolder(promptId: string, folder: string): void {
  try {
    localStorage.setItem(keyFor(promptId), folder)
  } catch {
    // Not remembering is harmless: the user types the folder again next time.
  }
}

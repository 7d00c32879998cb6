/**
 * The prompt last monitored on the Production screen, so a reload (or coming back the next day) opens its
 * monitoring again instead of "Choose a prompt". Keyed by workspace: another workspace's id means nothing.
 */
const keyFor = (workspace: string) => `evallab.production.prompt.${workspace}`

export function rememberedPrompt(workspace: string): string | null {
  try {
    return localStorage.getItem(keyFor(workspace))
  } catch {
    // Storage can be disabled (privacy settings); the screen then asks for the prompt as before.
    return null
  }
}

export function rememberPrompt(workspace: string, promptId: string | null): void {
  try {
    if (promptId) localStorage.setItem(keyFor(workspace), promptId)
    else localStorage.removeItem(keyFor(workspace))
  } catch {
    // Not remembering is harmless: the user picks the prompt again after a reload.
  }
}

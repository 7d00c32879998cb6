export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)
}

/** "⌘1" on macOS, "Ctrl+1" elsewhere: how a Ctrl/Cmd shortcut is shown as a hint. */
export function shortcutLabel(key: string, mac = isMac()): string {
  return mac ? `⌘${key}` : `Ctrl+${key}`
}

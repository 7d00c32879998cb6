const storageKey = 'evalLab.token'

/**
 * The Node host prints a URL with `?token=...`. Keep the token for this tab (a reload without the query
 * still works) and take it out of the address bar so it does not linger in history or screenshots.
 */
export function readHostToken(win: Window = window): string | null {
  const url = new URL(win.location.href)
  const fromQuery = url.searchParams.get('token')
  if (fromQuery) {
    try {
      win.sessionStorage.setItem(storageKey, fromQuery)
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    url.searchParams.delete('token')
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash)
    return fromQuery
  }
  try {
    return win.sessionStorage.getItem(storageKey)
  } catch {
    return null
  }
}

import type { RouteId } from '../../stores/app/routes'

export interface NavItem {
  route: RouteId
  label: string
  /** Digit used with Ctrl (Windows/Linux) or Cmd (macOS). */
  digit: string
}

export const navItems: readonly NavItem[] = [
  { route: 'prompts', label: 'Prompts', digit: '1' },
  { route: 'datasets', label: 'Datasets', digit: '2' },
  { route: 'runs', label: 'Runs', digit: '3' },
  { route: 'review', label: 'Review', digit: '4' },
  { route: 'compare', label: 'Compare', digit: '5' },
  { route: 'settings', label: 'Settings', digit: '6' },
  // After Settings: added later, so the digits people already use (Settings = 6) keep their screens.
  { route: 'production', label: 'Production', digit: '7' },
  { route: 'scorecard', label: 'Scorecard', digit: '8' },
]

/** The route for a Ctrl/Cmd+digit key press, or null. Uses `code` too, for layouts where digits need Shift. */
export function routeForKey(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): RouteId | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null
  const digit = /^Digit(\d)$/.exec(event.code)?.[1] ?? event.key
  return navItems.find((item) => item.digit === digit)?.route ?? null
}

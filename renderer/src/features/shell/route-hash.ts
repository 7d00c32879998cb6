import { useEffect } from 'react'
import { isRouteId, type RouteId } from '../../stores/app/routes'

/** `#/datasets` → 'datasets'; anything else → null. A reload keeps the screen the user was on. */
export function routeFromHash(hash: string): RouteId | null {
  const name = hash.replace(/^#\/?/, '')
  return isRouteId(name) ? name : null
}

export function useRouteHash(route: RouteId): void {
  useEffect(() => {
    const target = `#/${route}`
    if (window.location.hash !== target) window.history.replaceState(window.history.state, '', target)
  }, [route])
}

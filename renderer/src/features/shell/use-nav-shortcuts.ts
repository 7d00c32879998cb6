import { useEffect } from 'react'
import type { RouteId } from '../../stores/app/routes'
import { routeForKey } from './nav-items'

/** Ctrl/Cmd+1..8 switch screens from anywhere, editors included (capture phase runs before Monaco). */
export function useNavShortcuts(navigate: (route: RouteId) => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const route = routeForKey(event)
      if (!route) return
      event.preventDefault()
      event.stopPropagation()
      navigate(route)
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [navigate])
}

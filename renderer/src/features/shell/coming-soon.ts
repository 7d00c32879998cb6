import type { RouteId } from '../../stores/app/routes'

export interface ComingSoonCopy {
  title: string
  what: string
  useful: string
}

/** Plain statements about screens that do not exist yet: what they will do and when they help. */
export const comingSoon: Partial<Record<RouteId, ComingSoonCopy>> = {}

import type { RouteId } from '../../stores/app/routes'

export interface ComingSoonCopy {
  title: string
  what: string
  useful: string
}

/** Plain statements about screens that do not exist yet: what they will do and when they help. */
export const comingSoon: Partial<Record<RouteId, ComingSoonCopy>> = {
  compare: {
    title: 'Compare is not built yet',
    what:
      'Compare will put two runs side by side: per-case output diffs, score changes by tag, and the cases ' +
      'that regressed.',
    useful:
      'Useful once you have two runs over the same dataset, for example before and after a prompt edit.',
  },
}

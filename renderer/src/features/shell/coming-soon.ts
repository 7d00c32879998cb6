import type { RouteId } from '../../stores/app/routes'

export interface ComingSoonCopy {
  title: string
  what: string
  useful: string
}

/** Plain statements about screens that do not exist yet: what they will do and when they help. */
export const comingSoon: Partial<Record<RouteId, ComingSoonCopy>> = {
  runs: {
    title: 'The Runs screen is not built yet',
    what:
      'This screen will plan a run — prompt versions × models × a dataset snapshot, with the number of calls, ' +
      'tokens, cost and time before you start — show its progress live, and list every result with its ' +
      'tokens, cost and latency. The engine behind it (providers, retries, resume) is in place; the screen is next.',
    useful: 'Useful once this workspace has a prompt version and a dataset to run it on.',
  },
  review: {
    title: 'Review is not built yet',
    what:
      'Review will step through a run case by case so you can grade each output (pass, fail, notes) from ' +
      'the keyboard, next to the rubric and the expected answer.',
    useful: 'Useful once a run has produced outputs.',
  },
  compare: {
    title: 'Compare is not built yet',
    what:
      'Compare will put two runs side by side: per-case output diffs, score changes by tag, and the cases ' +
      'that regressed.',
    useful:
      'Useful once you have two runs over the same dataset, for example before and after a prompt edit.',
  },
}

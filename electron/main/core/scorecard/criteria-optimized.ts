import type { Assessment } from './criterion'
import { day, plural } from './criteria-repeatable'
import type { PromptFacts } from './facts'
import { links } from './links'

/** L3: the baseline folder is exported to the team repo, where CI runs the gate. */
export function ciGateExported(f: PromptFacts): Assessment {
  return {
    met: f.exports > 0,
    evidence: f.latestExportAt
      ? `${plural(f.exports, 'export')} to a team repo, latest ${day(f.latestExportAt)}`
      : 'Never exported for CI',
    nextStep: 'Export the baseline folder to the team repo so CI runs the gate',
    link: links.promptBaseline(f.prompt.id),
  }
}

/** L3: candidates go through a canary sample before the full run. */
export function canaryUse(f: PromptFacts): Assessment {
  return {
    met: f.runs.canaryRuns > 0,
    evidence: f.runs.canaryRuns > 0 ? `${plural(f.runs.canaryRuns, 'canary run')}` : 'No canary runs',
    nextStep: 'Start the next candidate run with a canary sample',
    link: links.runs,
  }
}

/** L3: production calls are sampled and scored regularly (an import scored in the last 30 days). */
export function productionSampling(f: PromptFacts): Assessment {
  const last = f.runs.latestImport
  const evidence = !last
    ? 'No production import in the last 30 days'
    : `"${last.fileName}" imported ${day(last.importedAt)}, ${last.scored ? 'scored' : 'not scored yet'}`
  return {
    met: last?.scored === true,
    evidence,
    nextStep: last ? 'Score the latest production import' : 'Import and score a sample of production calls',
    link: links.production,
  }
}

/** L3: people review outputs through a review queue. */
export function humanReview(f: PromptFacts): Assessment {
  const n = f.runs.reviewQueues
  return {
    met: n > 0,
    evidence: n > 0 ? `${plural(n, 'review queue')} on the prompt's runs` : 'No review queues',
    nextStep: 'Create a review queue from a run of the prompt',
    link: links.review,
  }
}

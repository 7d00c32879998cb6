import { adviseModel } from '../../../../shared/lib/model-aliases'
import { modelLabel } from '../../../../shared/lib/model-ref'
import type { Assessment } from './criterion'
import type { PromptFacts } from './facts'
import { links } from './links'

const MIN_VERSIONS = 2
export const MIN_DATASET_CASES = 50

/** L1: the prompt lives in the registry with a history someone can read. */
export function registryHistory(f: PromptFacts): Assessment {
  const authors = new Set(f.versions.map((v) => v.author).filter((a) => a.trim() !== ''))
  const described = f.versions.every((v) => v.message.trim() !== '')
  const latest = f.versions[0]
  const evidence = latest
    ? `${plural(f.versions.length, 'version')} by ${plural(authors.size, 'author')}, latest v${latest.number} on ${day(latest.createdAt)}` +
      (described ? '' : '; some versions have no message')
    : 'No versions saved'
  return {
    met: f.versions.length >= MIN_VERSIONS && authors.size > 0 && described,
    evidence,
    nextStep: 'Save prompt changes as new versions with a message explaining each change',
    link: links.promptHistory(f.prompt.id),
  }
}

/** L1: what is deployed (or the latest version) calls a dated model snapshot, not a moving alias. */
export function pinnedModels(f: PromptFacts): Assessment {
  const moving = f.checkedVersions.filter((v) => adviseModel(v.model, v.providerKind).movingAlias)
  const where = (v: PromptFacts['checkedVersions'][number]) =>
    `v${v.number}${v.env ? ` (${v.env})` : ''} → ${modelLabel(v.model)}`
  const evidence =
    f.checkedVersions.length === 0
      ? 'No version to check'
      : moving.length > 0
        ? `Moving alias: ${moving.map(where).join(', ')}`
        : `Pinned: ${f.checkedVersions.map(where).join(', ')}`
  const alias = moving[0]
  return {
    met: f.checkedVersions.length > 0 && moving.length === 0,
    evidence,
    nextStep: alias
      ? `Pin v${alias.number} to a dated model snapshot instead of ${alias.model.model}`
      : 'Save a version with a dated model snapshot',
    link: links.promptEditor(f.prompt.id),
  }
}

/** L1: the prompt has been evaluated on a dataset big enough to mean something. */
export function datasetSize(f: PromptFacts): Assessment {
  const run = f.runs.largestRun
  return {
    met: run !== null && run.cases >= MIN_DATASET_CASES,
    evidence: run
      ? `Largest evaluated dataset: "${run.datasetName}" (${plural(run.cases, 'case')}) in run "${run.name}"`
      : 'No completed run on a dataset',
    nextStep: `Run the prompt on a dataset of at least ${MIN_DATASET_CASES} cases`,
    link: links.runs,
  }
}

export function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`
}

/** The date part of an ISO time: evidence reads "2026-10-20", not a timestamp. */
export function day(iso: string): string {
  return iso.slice(0, 10)
}

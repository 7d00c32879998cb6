import { adviseModel } from '../../../../shared/lib/model-aliases'
import { modelLabel } from '../../../../shared/lib/model-ref'
import type { Assessment } from './criterion'
import { day, plural } from './evidence-format'
import type { PromptFacts } from './facts'
import { links } from './links'

const MIN_VERSIONS = 2

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

/** L1: the team has written down what to do when the feature misbehaves, and recorded where. */
export function incidentRunbook(f: PromptFacts): Assessment {
  const r = f.runbook
  return {
    met: r !== null,
    evidence: r
      ? `Runbook (${r.kind}): ${r.location}, recorded by ${r.recordedBy} on ${day(r.recordedAt)}`
      : 'No incident runbook recorded',
    nextStep: 'Record the link or file of the team’s incident runbook on the Scorecard screen',
    link: links.scorecard,
  }
}

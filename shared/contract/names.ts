/**
 * The method and event names alone, with no schema library attached: the sandboxed preload allow-lists
 * calls with these and stays tiny. `methods.ts` is checked against this list at compile time.
 */
export const methodNames = [
  'app.status',
  'prompts.list',
  'prompts.get',
  'prompts.saveVersion',
  'prompts.create',
  'prompts.updateDetails',
  'prompts.history',
  'prompts.preview',
  'prompts.checkPromotion',
  'prompts.approve',
  'prompts.promote',
  'prompts.rollback',
  'prompts.exportVersion',
  'prompts.import',
  'datasets.list',
  'datasets.cases',
  'datasets.get',
  'datasets.create',
  'datasets.update',
  'datasets.delete',
  'datasets.importPreview',
  'datasets.importCommit',
  'datasets.export',
  'datasets.snapshot',
  'datasets.diffSnapshots',
  'datasets.duplicates',
  'datasets.createFromCases',
  'cases.add',
  'cases.update',
  'cases.duplicate',
  'cases.delete',
  'cases.tag',
  // Issue 22 · corrections reach the dataset
  'cases.correctExpected',
  'cases.correctionTarget',
  'runs.plan',
  'runs.start',
  'runs.list',
  'runs.get',
  'runs.batches',
  'runs.cancel',
  'runs.pause',
  'runs.resume',
  'runs.results',
  'runs.resultRows',
  'runs.result',
  'runs.exportResults',
  'providers.list',
  'providers.save',
  'providers.delete',
  'providers.setKey',
  'providers.models',
  'prices.list',
  'prices.save',
  'prices.delete',
  'rubrics.list',
  'rubrics.save',
  'suites.get',
  'suites.save',
  'suites.export',
  'suites.import',
  'suites.tryCodeScorer',
  'runs.score',
  'runs.summary',
  'runs.scores',
  'baselines.set',
  'baselines.list',
  'gates.evaluate',
  'gates.list',
  'reviewers.list',
  'reviewers.create',
  'queues.create',
  'queues.list',
  'queues.get',
  'queues.report',
  'queues.adjudicate',
  // Issue 22 · review: the item count before a queue is created
  'queues.preview',
  'queues.exportPack',
  'queues.importPack',
  'queues.exportScores',
  'queues.exportScoresCsv',
  'queues.importScores',
  'review.item',
  'review.score',
  'review.skip',
  'review.undo',
  'compare.data',
  'compare.cases',
  'compare.promptTrend',
  'pairwise.start',
  'pairwise.cancel',
  'pairwise.get',
  'pairwise.list',
  'pairwise.cases',
  'signingKeys.list',
  'signingKeys.create',
  'signingKeys.exportPublic',
  'signingKeys.delete',
  'signoffs.create',
  'signoffs.list',
  'bundles.export',
  'bundles.exports',
  'bundles.verify',
  'bundles.import',
  'production.settings',
  'production.saveSettings',
  'production.preview',
  'production.import',
  'production.score',
  'production.monitor',
  'production.breaches',
  'production.drift',
  'production.addToDataset',
  'scorecard.get',
  // issue 22 · area D: evidence the scorecard checks
  'scorecard.setRunbook',
  'scorecard.recordCiStatus',
  'scorecard.recordCheck',
  // Playground (issue 22, area A)
  'playground.start',
  'playground.get',
  'playground.cancel',
  'playground.save',
  // Area E (issue 22): the first-run guide.
  'guide.firstSteps',
  // Issue 22 · B: generated cases.
  'datasets.generateCases',
  'caseDrafts.list',
  'caseDrafts.update',
  'caseDrafts.accept',
  'caseDrafts.reject',
] as const
export type MethodName = (typeof methodNames)[number]

export const eventNames = ['db.changed', 'runs.progress', 'playground.progress'] as const
export type EventName = (typeof eventNames)[number]

/** How many characters of an unknown method name an error echoes back. */
export const maxEchoedMethodLength = 64

/** The contract's answer to a name it does not know: a short, escaped prefix, never the whole name. */
export function unknownMethodMessage(value: unknown): string {
  if (typeof value !== 'string')
    return `Unknown method (a ${value === null ? 'null' : typeof value}, not a name)`
  const shown = escapeName(value.slice(0, maxEchoedMethodLength))
  return value.length > maxEchoedMethodLength
    ? `Unknown method ${shown}… (${value.length} characters)`
    : `Unknown method ${shown}`
}

/** Quoted, with control characters, quotes and everything outside printable ASCII as escapes. */
function escapeName(text: string): string {
  return JSON.stringify(text).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (methodNames as readonly string[]).includes(value)
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value)
}

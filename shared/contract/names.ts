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
  'runs.plan',
  'runs.start',
  'runs.list',
  'runs.get',
  'runs.cancel',
  'runs.pause',
  'runs.resume',
  'runs.results',
  'providers.list',
  'providers.save',
  'providers.delete',
  'providers.setKey',
  'prices.list',
  'prices.save',
  'prices.delete',
  'rubrics.list',
  'rubrics.save',
  'suites.get',
  'suites.save',
  'suites.export',
  'suites.import',
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
  'queues.exportPack',
  'queues.importPack',
  'queues.exportScores',
  'queues.importScores',
  'review.item',
  'review.score',
  'review.skip',
  'review.undo',
] as const
export type MethodName = (typeof methodNames)[number]

export const eventNames = ['db.changed', 'runs.progress'] as const
export type EventName = (typeof eventNames)[number]

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (methodNames as readonly string[]).includes(value)
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value)
}

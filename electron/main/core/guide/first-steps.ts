import type { FirstStep, FirstSteps } from '../../../../shared/domain/guide'
import type { PromptSummary } from '../../../../shared/domain/prompts'
import type { CoreContext } from '../context'

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Production imports store a dataset and a completed run of their own: they are not the user's steps, so
 * a workspace that only imported a log has not yet made a dataset or run an eval.
 */
function productionIds(ctx: CoreContext): { datasets: Set<string>; runs: Set<string> } {
  const imports = ctx.repos.production.allImports()
  return { datasets: new Set(imports.map((i) => i.datasetId)), runs: new Set(imports.map((i) => i.runId)) }
}

function datasetStep(ctx: CoreContext, production: Set<string>): FirstStep {
  const withCases = ctx.repos.datasets.list().filter((d) => d.caseCount > 0 && !production.has(d.id))
  const first = withCases[0]
  return {
    step: 'dataset',
    done: first !== undefined,
    evidence: first
      ? `${plural(withCases.length, 'dataset')} with cases, e.g. ${first.name}`
      : 'No dataset with cases',
    promptId: null,
  }
}

function promptStep(prompts: readonly PromptSummary[]): FirstStep {
  const saved = prompts.filter((p) => p.versionCount > 0)
  const first = saved[0]
  return {
    step: 'prompt',
    done: first !== undefined,
    evidence: first
      ? `${plural(saved.length, 'prompt')} with a saved version, e.g. ${first.name}`
      : 'No saved prompt',
    promptId: first?.id ?? null,
  }
}

function runStep(ctx: CoreContext, production: Set<string>): FirstStep {
  const completed = ctx.repos.runs.list().filter((r) => r.status === 'completed' && !production.has(r.id))
  const newest = completed[0]
  return {
    step: 'run',
    done: newest !== undefined,
    evidence: newest
      ? `${plural(completed.length, 'completed run')}, the newest ${newest.name}`
      : 'No completed run',
    promptId: null,
  }
}

function suiteStep(ctx: CoreContext, prompts: readonly PromptSummary[]): FirstStep {
  const withSuite = prompts.filter((p) => (ctx.repos.evalSuites.latest(p.id)?.scorers.length ?? 0) > 0)
  const first = withSuite[0]
  return {
    step: 'suite',
    done: first !== undefined,
    evidence: first
      ? `${first.name} is scored by its eval suite`
      : 'No prompt has an eval suite with scorers',
    promptId: first?.id ?? prompts[0]?.id ?? null,
  }
}

function baselineStep(ctx: CoreContext, prompts: readonly PromptSummary[]): FirstStep {
  const withBaseline = prompts.filter((p) => ctx.repos.baselines.forPrompt(p.id).length > 0)
  const first = withBaseline[0]
  return {
    step: 'baseline',
    done: first !== undefined,
    evidence: first ? `${first.name} has a baseline run` : 'No prompt has a baseline run',
    promptId: first?.id ?? prompts[0]?.id ?? null,
  }
}

/** The five first steps of a workspace and whether each is done, read from what the workspace stores. */
export function firstSteps(ctx: CoreContext): FirstSteps {
  const production = productionIds(ctx)
  const prompts = ctx.repos.prompts.list()
  return {
    steps: [
      datasetStep(ctx, production.datasets),
      promptStep(prompts),
      runStep(ctx, production.runs),
      suiteStep(ctx, prompts),
      baselineStep(ctx, prompts),
    ],
  }
}

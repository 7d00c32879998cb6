import type { FirstStep, FirstStepId } from '../../../../shared/domain/guide'

export interface StepCopy {
  title: string
  /** What the step is for, in one sentence. */
  why: string
  /** Where in the app it is done, as the user clicks through. */
  where: string
}

export const stepCopy: Record<FirstStepId, StepCopy> = {
  dataset: {
    title: 'Add a dataset',
    why: 'The cases every version is tested on: inputs, and the expected answers scorers compare with.',
    where: 'Datasets → Import or New dataset',
  },
  prompt: {
    title: 'Write a prompt',
    why: 'Its template and model; every save is an immutable version a run can name.',
    where: 'Prompts → New prompt, then Save version',
  },
  run: {
    title: 'Run it on the dataset',
    why: 'Each case through one or more models, with tokens, cost and latency recorded.',
    where: 'Runs → New run',
  },
  suite: {
    title: 'Define the eval suite',
    why: 'The scorers (format, rules, judges, code) and gates that decide whether a run is good enough.',
    where: "A prompt's Suite tab; then Score on a run's summary",
  },
  baseline: {
    title: 'Set a baseline',
    why: 'The scored run that the next version must match or beat, in Compare and in the CI gate.',
    where: "A scored run's summary → Set as baseline; shown on the prompt's Baseline tab",
  },
}

/** The address each step's link opens: the screen, or the prompt's own tab when the step belongs to one. */
export function stepHref(step: FirstStep): string {
  switch (step.step) {
    case 'dataset':
      return '#/datasets'
    case 'prompt':
      return '#/prompts'
    case 'run':
      return '#/runs'
    case 'suite':
      return step.promptId ? `#/prompts/${encodeURIComponent(step.promptId)}/suite` : '#/prompts'
    case 'baseline':
      return step.done && step.promptId ? `#/prompts/${encodeURIComponent(step.promptId)}/baseline` : '#/runs'
  }
}

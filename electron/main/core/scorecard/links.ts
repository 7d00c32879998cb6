/** Where in the app each next step is taken (the renderer's hash routes). */
export const links = {
  promptEditor: (promptId: string) => `#/prompts/${encodeURIComponent(promptId)}`,
  promptHistory: (promptId: string) => `#/prompts/${encodeURIComponent(promptId)}/history`,
  promptSuite: (promptId: string) => `#/prompts/${encodeURIComponent(promptId)}/suite`,
  promptBaseline: (promptId: string) => `#/prompts/${encodeURIComponent(promptId)}/baseline`,
  datasets: '#/datasets',
  runs: '#/runs',
  review: '#/review',
  compare: '#/compare',
  production: '#/production',
  settings: '#/settings',
  /** The scorecard's own forms: the incident runbook and CI results are recorded there. */
  scorecard: '#/scorecard',
} as const

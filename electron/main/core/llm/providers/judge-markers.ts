/**
 * Opens every judge system prompt. The simulated demo model looks for it (with the criterion line below) to
 * answer as a judge instead of as the evaluated feature, so keep both stable. They live here, below both
 * scoring (which writes judge prompts) and the demo provider (which reads them).
 */
export const judgeMarker = 'You are an evaluation judge.'
export const criterionLine = (key: string): string => `Criterion key: ${key}`

/**
 * Opens every pairwise judge system prompt (two outputs, one criterion). It differs from `judgeMarker`, so
 * the demo model answers it with a winner instead of a score.
 */
export const pairwiseMarker = 'You are a pairwise evaluation judge.'

import type { OutputTokensBasis, TimeBasis } from '../../../../../shared/domain/runs'

const seconds = (ms: number): string => (ms < 100 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`)

/** "based on 240 recent calls to local-llm (P50 0.8 s)" or "assumes 2 s a call to openai", per provider. */
export function describeTimeBasis(basis: readonly TimeBasis[]): string {
  return basis
    .map((b) =>
      b.kind === 'observed'
        ? `based on ${b.calls.toLocaleString()} recent calls to ${b.provider} (P50 ${seconds(b.p50Ms)})`
        : `assumes ${b.secondsPerCall} s a call to ${b.provider} (no recent calls)`,
    )
    .join('; ')
}

function assumedWords(b: Extract<OutputTokensBasis, { kind: 'assumed' }>): string {
  return b.source === 'max_tokens'
    ? `Assumes each answer uses its max tokens (${b.tokensPerCall.toLocaleString()})`
    : `Assumes ${b.tokensPerCall.toLocaleString()} output tokens an answer (no max tokens set)`
}

/** Where the output length of the cost estimate comes from, in one sentence. */
export function describeOutputBasis(basis: readonly OutputTokensBasis[]): string {
  const observed = basis.filter((b) => b.kind === 'observed')
  const assumed = basis.filter((b) => b.kind === 'assumed')
  const calls = observed.reduce((n, b) => n + b.calls, 0)
  const mean = observed.reduce((n, b) => n + b.meanTokens * b.calls, 0) / Math.max(1, calls)
  const seen = `${calls.toLocaleString()} recent answers (mean ${Math.round(mean).toLocaleString()} tokens)`
  const first = assumed[0]
  if (!first) return `Output length from ${seen}.`
  if (observed.length === 0) {
    const same = assumed.every((b) => b.source === first.source && b.tokensPerCall === first.tokensPerCall)
    return same
      ? `${assumedWords(first)}: no recent answers to go by.`
      : 'Assumes each answer uses its max tokens (256 tokens without one): no recent answers to go by.'
  }
  return (
    `Output length from ${seen} for ${observed.length} of ${basis.length} version × model pairs; ` +
    'the others assume their max tokens (256 tokens without one).'
  )
}

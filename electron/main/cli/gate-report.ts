import type { SignoffCheck } from '../../../shared/domain/bundles'
import type { GateResult, SliceSummary, Verdict } from '../../../shared/domain/scoring'
import { ruleValueText } from '../../../shared/lib/gate-text'
import { markdownTable, ms, points, pointsInterval, textTable, usd } from './format-numbers'
import { ruleDetail } from './junit'

const verdictMark: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️' }
const maxFailingCases = 20

export interface GateReportInput {
  promptName: string
  /** e.g. "v4 × openai/gpt-4.1-mini". */
  candidateLabel: string
  gate: GateResult
  /** The candidate slice's summary, for cost and latency; null when scoring gave none. */
  slice: SliceSummary | null
  signoffs: readonly SignoffCheck[]
}

function ruleRows(gate: GateResult): string[][] {
  return gate.rules.map((r) => [
    r.label,
    ruleValueText(r.rule, r.baseline),
    ruleValueText(r.rule, r.candidate),
    r.delta === null ? '—' : `${points(r.delta)} ${pointsInterval(r.deltaCi95)}`,
    `${verdictMark[r.verdict]} ${r.verdict}`,
  ])
}

function signoffLine(s: SignoffCheck): string {
  const key = s.keyId ? ` key ${s.keyId}` : ''
  return `${s.name} (${s.role}), ${s.signedAt}${key}: ${s.status}${s.message ? ` — ${s.message}` : ''}`
}

/** The gate for a terminal: verdict, rule table, details of failing rules. */
export function gateText(input: GateReportInput): string {
  const { gate } = input
  const header = `Gate ${gate.verdict.toUpperCase()} ${verdictMark[gate.verdict]}  ${input.promptName}: ${input.candidateLabel} vs the signed baseline (${gate.pairedCases} paired cases)`
  const table = textTable([
    ['rule', 'baseline', 'candidate', 'delta [95 % CI]', 'verdict'],
    ...ruleRows(gate),
  ])
  const details = gate.rules
    .filter((r) => r.verdict !== 'pass')
    .map((r) => `\n${r.label}:\n${indent(ruleDetail(r))}`)
  return `${[header, '', table, ...details].join('\n')}\n`
}

/** The Markdown summary (--summary FILE), fit for a pull-request comment. */
export function gateMarkdown(input: GateReportInput): string {
  const { gate, slice } = input
  const blocks = [
    `## ${verdictMark[gate.verdict]} evallab gate: ${input.promptName} — ${gate.verdict}`,
    `Candidate **${input.candidateLabel}** against the signed baseline on ${gate.pairedCases} paired cases.`,
    markdownTable(['rule', 'baseline', 'candidate', 'delta [95 % CI]', 'verdict'], ruleRows(gate)),
  ]
  const failing = failingCaseRows(gate)
  if (failing.length > 0) {
    blocks.push('### Failing cases', markdownTable(['rule', 'case', 'detail'], failing))
  }
  if (slice) {
    // No priced result: the total is a sum of nothing, so "$0.00000" would claim a cost that is unknown.
    const cost =
      slice.costPerInteractionUsd === null
        ? 'Run cost unknown (no price for this model)'
        : `Run cost ${usd(slice.totalCostUsd)} (${usd(slice.costPerInteractionUsd)} per interaction)`
    blocks.push(`${cost} · P95 latency ${ms(slice.latencyP95Ms)}`)
  }
  blocks.push('### Sign-offs verified', signoffList(input.signoffs))
  return `${blocks.join('\n\n')}\n`
}

function failingCaseRows(gate: GateResult): string[][] {
  return gate.rules
    .filter((r) => r.verdict === 'fail')
    .flatMap((r) =>
      r.failingCases.slice(0, maxFailingCases).map((c) => [r.label, c.caseKey ?? c.caseId, c.detail]),
    )
}

function signoffList(signoffs: readonly SignoffCheck[]): string {
  if (signoffs.length === 0) return '_No sign-offs in the folder._'
  return signoffs.map((s) => `- ${s.status === 'valid' ? '✅' : '⚠️'} ${signoffLine(s)}`).join('\n')
}

export function signoffText(s: SignoffCheck): string {
  return `sign-off: ${signoffLine(s)}`
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')
}

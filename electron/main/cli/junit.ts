import type { GateResult, RuleOutcome } from '../../../shared/domain/scoring'
import { percent, points, pointsInterval } from './format-numbers'

const maxFailingCases = 20

/** Escapes text for XML attributes and bodies alike; drops control characters XML 1.0 cannot hold. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** Why a rule failed, for the <failure> body a CI page shows. */
export function ruleDetail(rule: RuleOutcome): string {
  const lines = [
    `baseline: ${percentOrRaw(rule.baseline)}  candidate: ${percentOrRaw(rule.candidate)}`,
    `delta: ${points(rule.delta)} (95 % CI ${pointsInterval(rule.deltaCi95)})`,
  ]
  if (rule.test) lines.push(`${rule.test.name}: p = ${rule.test.pValue.toPrecision(3)}`)
  lines.push(rule.explanation)
  if (rule.warning) lines.push(`warning: ${rule.warning}`)
  const failing = rule.failingCases.slice(0, maxFailingCases)
  if (failing.length > 0) {
    lines.push(`failing cases (${rule.failingCases.length}):`)
    for (const c of failing) lines.push(`  ${c.caseKey ?? c.caseId}: ${c.detail}`)
  }
  return lines.join('\n')
}

/** Scores are 0..1 except latency (ms) and cost (USD) rules, whose values are shown as they are. */
function percentOrRaw(value: number | null): string {
  if (value === null || value > 1 || value < 0) return value === null ? '—' : String(value)
  return percent(value)
}

function testcase(slug: string, rule: RuleOutcome): string {
  const open = `    <testcase classname="${xmlEscape(slug)}" name="${xmlEscape(rule.label)}"`
  if (rule.verdict === 'pass') return `${open}/>`
  const message = xmlEscape(rule.explanation)
  const body =
    rule.verdict === 'fail'
      ? `      <failure message="${message}">${xmlEscape(ruleDetail(rule))}</failure>`
      : `      <skipped message="${message}"/>`
  return `${open}>\n${body}\n    </testcase>`
}

/** One <testsuite> per gate, one <testcase> per rule: fail → <failure>, inconclusive → <skipped>. */
export function gateJunit(promptName: string, slug: string, gate: GateResult): string {
  const failures = gate.rules.filter((r) => r.verdict === 'fail').length
  const skipped = gate.rules.filter((r) => r.verdict === 'inconclusive').length
  const name = xmlEscape(`evallab gate: ${promptName}`)
  const counts = `tests="${gate.rules.length}" failures="${failures}" errors="0" skipped="${skipped}"`
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="evallab" ${counts}>`,
    `  <testsuite name="${name}" ${counts}>`,
    ...gate.rules.map((rule) => testcase(slug, rule)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}

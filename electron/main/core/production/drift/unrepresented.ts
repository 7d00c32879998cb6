import type { UnrepresentedCase } from '../../../../../shared/domain/production'
import { languageName, percent } from './findings'
import { shares, tagPrefixes, type CaseProfile } from './profile'

const MAX_CASES = 200
const PREVIEW_CHARS = 160

/**
 * Production cases the dataset does not cover: their language or segment/channel value is missing from the
 * dataset or has less than half its production share there, or they are longer than any dataset input.
 * Cases with the most reasons come first, so adding the top of the list closes the most gaps.
 */
export function findUnrepresented(
  curated: readonly CaseProfile[],
  production: readonly CaseProfile[],
): UnrepresentedCase[] {
  const gaps = [
    underRepresented(
      curated,
      production,
      (p) => (p.language === 'und' ? undefined : p.language),
      (key, d, p) => `${languageName(key)} is ${percent(p)} of production but ${percent(d)} of the dataset`,
    ),
    ...tagPrefixes.map((prefix) =>
      underRepresented(
        curated,
        production,
        (p) => p.tags.get(prefix),
        (key, d, p) => `${key} is ${percent(p)} of production but ${percent(d)} of the dataset`,
      ),
    ),
  ]
  const maxLength = curated.length > 0 ? Math.max(...curated.map((p) => p.length)) : null
  const found = production.flatMap((p, position) => {
    const reasons = gaps.flatMap((gap) => gap(p) ?? [])
    if (maxLength !== null && p.length > maxLength) {
      reasons.push(
        `Longer than any dataset input (${p.length.toLocaleString('en-US')} vs at most ${maxLength.toLocaleString('en-US')} characters)`,
      )
    }
    return reasons.length > 0 ? [{ p, position, reasons }] : []
  })
  return found
    .sort((a, b) => b.reasons.length - a.reasons.length || a.position - b.position)
    .slice(0, MAX_CASES)
    .map(({ p, reasons }) => ({
      caseId: p.case.id,
      externalId: p.case.key,
      preview: p.text.slice(0, PREVIEW_CHARS),
      reasons,
      tags: p.case.tags,
    }))
}

/** A test for one feature: the reason a case's value is under-represented, or null. */
function underRepresented(
  curated: readonly CaseProfile[],
  production: readonly CaseProfile[],
  keyOf: (p: CaseProfile) => string | undefined,
  describe: (key: string, datasetShare: number, productionShare: number) => string,
): (p: CaseProfile) => string | null {
  const dataset = shares(curated.map(keyOf))
  const prod = shares(production.map(keyOf))
  return (p) => {
    const key = keyOf(p)
    if (key === undefined) return null
    const d = dataset.get(key) ?? 0
    const s = prod.get(key) ?? 0
    return d < s / 2 ? describe(key, d, s) : null
  }
}

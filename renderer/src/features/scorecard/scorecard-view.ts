import { levelNames, type MaturityCriterion } from '../../../../shared/domain/scorecard'

export function levelTitle(level: number): string {
  return `Level ${level} · ${levelNames[level] ?? 'Unknown'}`
}

export interface LevelGroup {
  level: number
  name: string
  criteria: MaturityCriterion[]
  met: number
}

/** Criteria by the level they belong to (1–3), in the order the core gave them. */
export function groupByLevel(criteria: readonly MaturityCriterion[]): LevelGroup[] {
  return [1, 2, 3]
    .map((level) => {
      const inLevel = criteria.filter((c) => c.level === level)
      return {
        level,
        name: levelNames[level] ?? '',
        criteria: inLevel,
        met: inLevel.filter((c) => c.met).length,
      }
    })
    .filter((g) => g.criteria.length > 0)
}

/** Only links into the app itself are followed: the core builds them, but they are shown as hrefs. */
export function safeHashLink(link: string | null): string | null {
  return link && link.startsWith('#/') ? link : null
}

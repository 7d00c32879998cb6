import type { DriftReport } from '../../../../../shared/domain/production'
import type { CoreContext } from '../../context'
import { compareLengths, compareShares } from './compare'
import { driftFindings } from './findings'
import { profileCase, tagPrefixes } from './profile'
import { readDriftSources } from './sources'
import { findUnrepresented } from './unrepresented'

/** An import's production inputs against the curated dataset: length, tags, language, and the cases to add. */
export function driftReport(ctx: CoreContext, importId: string, datasetId?: string): DriftReport {
  const sources = readDriftSources(ctx, importId, datasetId)
  const curated = sources.curated.cases.map(profileCase)
  const production = sources.production.map(profileCase)
  const length = compareLengths(curated, production)
  const tagComparisons = tagPrefixes.map((prefix) =>
    compareShares(
      curated.map((p) => p.tags.get(prefix)),
      production.map((p) => p.tags.get(prefix)),
    ),
  )
  const languages = compareShares(
    curated.map((p) => p.language),
    production.map((p) => p.language),
  )
  const tags = tagComparisons.flatMap((c) => c.rows)
  const significant = [...tagComparisons, languages].some((c) => c.significant)
  return {
    importId,
    dataset: {
      id: sources.curated.id,
      name: sources.curated.name,
      snapshotId: sources.curated.snapshotId,
      cases: curated.length,
    },
    productionCalls: production.length,
    length,
    tags,
    languages: languages.rows,
    drifted: significant || length.drifted,
    findings: driftFindings({ length, tags, languages: languages.rows }),
    unrepresented: findUnrepresented(curated, production),
  }
}

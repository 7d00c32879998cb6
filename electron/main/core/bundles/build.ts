import { AppError } from '../../../../shared/contract'
import type { Baseline } from '../../../../shared/domain/scoring'
import { canonicalJson, canonicalJsonPretty } from '../../../../shared/lib/canonical-json'
import type { CoreContext } from '../context'
import { requirePrompt } from '../prompts/detail'
import { suiteMetrics } from '../scoring/metrics'
import { latestSuite } from '../scoring/suites'
import { buildBaselineFile, datasetLines } from './build-baseline'
import { buildPromptFile } from './build-prompt'
import { buildResultLines } from './build-results'
import { buildSignoffsFile } from './build-signoffs'
import { buildSuiteFiles } from './build-suite'
import {
  bundlePaths,
  manifestPaths,
  promptSlug,
  type BundleFiles,
  type BundlePath,
  type ManifestFile,
} from './format'
import { fileHashes, sha256Ref } from './hash'
import { summaryMarkdown } from './summary-md'

const jsonl = (lines: readonly unknown[]): string => lines.map((l) => `${canonicalJson(l)}\n`).join('')

/** The prompt's most recently set baseline (a prompt may have one per dataset snapshot). */
function latestBaseline(ctx: CoreContext, promptId: string, promptName: string): Baseline {
  const baseline = ctx.repos.baselines.forPrompt(promptId)[0]
  if (!baseline) {
    throw new AppError('INVALID_INPUT', `${promptName} has no baseline yet — set or sign off one first`)
  }
  return baseline
}

/**
 * The prompt's baseline folder in memory, every file in its final bytes. Reads only. The manifest is built
 * last, over the other files' bytes; signoffs.json holds the sign-offs of exactly this results.jsonl.
 */
export function buildBundle(
  ctx: CoreContext,
  promptId: string,
): { promptName: string; slug: string; files: BundleFiles } {
  const { repos } = ctx
  const prompt = requirePrompt(repos, promptId)
  const baseline = latestBaseline(ctx, promptId, prompt.name)
  const version = repos.prompts.versionById(baseline.slice.promptVersionId)
  if (!version) throw new AppError('NOT_FOUND', `The baseline's prompt version is no longer in the workspace`)
  const suite = latestSuite(ctx, promptId)
  const metrics = suiteMetrics(repos, suite)
  const cases = repos.snapshots.allCases(baseline.datasetSnapshotId)
  const datasetText = jsonl(datasetLines(cases))
  const baselineFile = buildBaselineFile(repos, baseline, version, sha256Ref(datasetText))
  const { gates, rubrics } = buildSuiteFiles(repos, suite)
  const results = buildResultLines(repos, baseline, new Map(cases.map((c) => [c.id, c.key])), metrics)
  const resultsText = jsonl(results)
  const files = new Map<BundlePath, string>([
    [bundlePaths.prompt, canonicalJsonPretty(buildPromptFile(repos, prompt))],
    [bundlePaths.dataset, datasetText],
    [bundlePaths.rubrics, canonicalJsonPretty(rubrics)],
    [bundlePaths.gates, canonicalJsonPretty(gates)],
    [bundlePaths.baseline, canonicalJsonPretty(baselineFile)],
    [bundlePaths.results, resultsText],
    [
      bundlePaths.summary,
      summaryMarkdown({ promptName: prompt.name, baseline: baselineFile, gates, metrics, results }),
    ],
    [bundlePaths.signoffs, canonicalJsonPretty(buildSignoffsFile(repos, promptId, sha256Ref(resultsText)))],
  ])
  const manifest: ManifestFile = {
    format: 'evallab.manifest',
    version: 1,
    prompt: prompt.name,
    files: fileHashes(files, manifestPaths),
  }
  files.set(bundlePaths.manifest, canonicalJsonPretty(manifest))
  return { promptName: prompt.name, slug: promptSlug(prompt.name), files }
}

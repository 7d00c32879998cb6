import { AppError } from '../../../../shared/contract'
import type {
  ProductionCall,
  ProductionImport,
  ProductionPreview,
} from '../../../../shared/domain/production'
import type { PromptSummary, PromptVersion } from '../../../../shared/domain/prompts'
import { writeTransaction, type CoreContext } from '../context'
import type { Repos } from '../db/repos'
import { parseProductionLog, type LogSource, type ParsedLog } from './formats'
import { storeProductionImport } from './sample-run'
import { sampleCalls } from './sample'
import { productionSettings, requirePrompt } from './settings'

export interface LogFileInput extends LogSource {
  promptId: string
}

const PREVIEW_CALLS = 5

/** Parses the log and reports what an import would store; writes nothing. */
export function previewProductionLog(ctx: CoreContext, input: LogFileInput): ProductionPreview {
  const { parsed } = readLog(ctx, input)
  const settings = productionSettings(ctx.repos, input.promptId)
  return {
    format: parsed.format,
    fileName: input.fileName,
    total: parsed.calls.length,
    versions: callsPerVersion(parsed.calls),
    ...period(parsed.calls),
    sample: parsed.calls.slice(0, PREVIEW_CALLS),
    wouldSample: sampleCalls(parsed.calls, settings.seed, settings.sampleRate).length,
  }
}

/**
 * Parsing and sampling happen before the transaction; the dataset, its snapshot, the run, its results and
 * the import row are then written in one transaction, so a failing import leaves nothing behind.
 */
export function importProductionLog(ctx: CoreContext, input: LogFileInput): ProductionImport {
  const { prompt, versions, parsed } = readLog(ctx, input)
  const settings = productionSettings(ctx.repos, input.promptId)
  const sampled = sampleCalls(parsed.calls, settings.seed, settings.sampleRate)
  if (sampled.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${input.fileName}: No call was sampled — raise the sample rate (now ${settings.sampleRate})`,
    )
  }
  const stored = writeTransaction(ctx, () =>
    storeProductionImport(ctx, {
      prompt,
      versions,
      fileName: input.fileName,
      format: parsed.format,
      total: parsed.calls.length,
      sampled,
      sampleRate: settings.sampleRate,
      ...period(parsed.calls),
    }),
  )
  const { scoredSuiteVersion, ...rest } = stored
  return { ...rest, scored: scoredSuiteVersion !== null }
}

interface ReadLog {
  prompt: PromptSummary
  versions: Map<number, PromptVersion>
  parsed: ParsedLog
}

function readLog(ctx: CoreContext, input: LogFileInput): ReadLog {
  const prompt = requirePrompt(ctx.repos, input.promptId)
  const versions = promptVersions(ctx.repos, input.promptId)
  const models = new Map([...versions].map(([n, v]) => [n, v.model]))
  const parsed = parseProductionLog(input, { name: prompt.name, versions: models, now: ctx.now() })
  return { prompt, versions, parsed }
}

function promptVersions(repos: Repos, promptId: string): Map<number, PromptVersion> {
  const versions = new Map<number, PromptVersion>()
  for (const summary of repos.prompts.versions(promptId)) {
    const version = repos.prompts.version(promptId, summary.number)
    if (version) versions.set(version.number, version)
  }
  return versions
}

function callsPerVersion(calls: readonly ProductionCall[]): ProductionPreview['versions'] {
  const counts = new Map<number, number>()
  for (const c of calls) counts.set(c.promptVersion, (counts.get(c.promptVersion) ?? 0) + 1)
  return [...counts].sort(([a], [b]) => a - b).map(([number, n]) => ({ number, calls: n }))
}

/** ISO timestamps in UTC sort as text. */
export function period(calls: readonly ProductionCall[]): {
  periodStart: string | null
  periodEnd: string | null
} {
  const times = calls.map((c) => c.at).sort()
  return { periodStart: times[0] ?? null, periodEnd: times[times.length - 1] ?? null }
}

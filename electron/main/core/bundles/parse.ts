/**
 * Reads a baseline folder (already in memory) into typed files: every file is checked against its schema in
 * format.ts, then against the others (versions, environments, case keys, metrics, rubric refs), so an
 * import can trust what it gets and a bad folder is refused naming the file, line and field at fault.
 */
import type { z } from 'zod'
import { AppError } from '../../../../shared/contract'
import {
  baselineFileSchema,
  bundlePaths,
  datasetLineSchema,
  gatesFileSchema,
  manifestFileSchema,
  promptFileSchema,
  resultLineSchema,
  rubricsFileSchema,
  signoffsFileSchema,
  type BaselineFile,
  type BundleFiles,
  type BundlePath,
  type DatasetLine,
  type GatesFile,
  type ManifestFile,
  type PromptFile,
  type ResultLine,
  type RubricsFile,
  type SignoffsFile,
} from './format'

export interface ParsedBundle {
  prompt: PromptFile
  dataset: DatasetLine[]
  rubrics: RubricsFile
  gates: GatesFile
  baseline: BaselineFile
  results: ResultLine[]
  signoffs: SignoffsFile
  manifest: ManifestFile
}

export function parseBundle(files: BundleFiles): ParsedBundle {
  const parsed: ParsedBundle = {
    prompt: parseJsonFile(files, bundlePaths.prompt, promptFileSchema),
    dataset: parseJsonLines(files, bundlePaths.dataset, datasetLineSchema),
    rubrics: parseJsonFile(files, bundlePaths.rubrics, rubricsFileSchema),
    gates: parseJsonFile(files, bundlePaths.gates, gatesFileSchema),
    baseline: parseJsonFile(files, bundlePaths.baseline, baselineFileSchema),
    results: parseJsonLines(files, bundlePaths.results, resultLineSchema),
    signoffs: parseJsonFile(files, bundlePaths.signoffs, signoffsFileSchema),
    manifest: parseJsonFile(files, bundlePaths.manifest, manifestFileSchema),
  }
  checkPrompt(parsed.prompt)
  checkBaseline(parsed)
  checkDataset(parsed.dataset)
  checkGates(parsed.gates, parsed.rubrics)
  checkResults(parsed)
  return parsed
}

const invalid = (path: BundlePath, message: string): AppError =>
  new AppError('INVALID_INPUT', `${path}: ${message}`)

function fileText(files: BundleFiles, path: BundlePath): string {
  const text = files.get(path)
  if (text === undefined) throw new AppError('NOT_FOUND', `${path}: the file is missing from the folder`)
  return text
}

function parseJsonText(path: BundlePath, text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw invalid(path, `${where}not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'does not match the format'
  const field = issue.path.map(String).join('.')
  return field ? `${field}: ${issue.message}` : issue.message
}

function parseJsonFile<S extends z.ZodTypeAny>(files: BundleFiles, path: BundlePath, schema: S): z.output<S> {
  const value = parseJsonText(path, fileText(files, path), '')
  const result = schema.safeParse(value)
  if (!result.success) throw invalid(path, firstIssue(result.error))
  return result.data
}

/** One JSON value per LF-terminated line; an empty file is an empty list. */
function parseJsonLines<S extends z.ZodTypeAny>(
  files: BundleFiles,
  path: BundlePath,
  schema: S,
): z.output<S>[] {
  const text = fileText(files, path)
  if (text === '') return []
  if (!text.endsWith('\n')) throw invalid(path, 'the last line must end with a newline')
  return text
    .slice(0, -1)
    .split('\n')
    .map((line, index) => {
      const where = `line ${index + 1}: `
      if (line.trim() === '') throw invalid(path, `${where}empty line`)
      const result = schema.safeParse(parseJsonText(path, line, where))
      if (!result.success) throw invalid(path, `${where}${firstIssue(result.error)}`)
      return result.data
    })
}

function checkPrompt(prompt: PromptFile): void {
  prompt.versions.forEach((v, i) => {
    if (v.number !== i + 1) {
      throw invalid(bundlePaths.prompt, `versions.${i}.number: expected ${i + 1} (versions are numbered 1…n)`)
    }
  })
  for (const env of ['staging', 'prod'] as const) {
    const number = prompt.environments[env]
    if (number !== null && number > prompt.versions.length) {
      throw invalid(bundlePaths.prompt, `environments.${env}: there is no version ${number}`)
    }
  }
}

function checkBaseline(parsed: ParsedBundle): void {
  const { baseline, prompt, dataset } = parsed
  const version = prompt.versions[baseline.promptVersion - 1]
  if (!version) {
    throw invalid(bundlePaths.baseline, `promptVersion: prompt.json has no version ${baseline.promptVersion}`)
  }
  if (version.contentHash !== baseline.promptContentHash) {
    throw invalid(
      bundlePaths.baseline,
      `promptContentHash: differs from version ${version.number}'s contentHash in prompt.json`,
    )
  }
  if (baseline.dataset.snapshot.caseCount !== dataset.length) {
    throw invalid(
      bundlePaths.baseline,
      `dataset.snapshot.caseCount: ${baseline.dataset.snapshot.caseCount}, but dataset.jsonl has ${dataset.length} cases`,
    )
  }
}

function checkDataset(dataset: readonly DatasetLine[]): void {
  const seen = new Set<string>()
  dataset.forEach((c, i) => {
    if (seen.has(c.key)) throw invalid(bundlePaths.dataset, `line ${i + 1}: key: "${c.key}" appears twice`)
    seen.add(c.key)
  })
}

function checkGates(gates: GatesFile, rubrics: RubricsFile): void {
  const known = new Set(rubrics.rubrics.map((r) => `${r.key}@${r.version}`))
  gates.scorers.forEach((s, i) => {
    if (s.config.kind !== 'judge' && s.config.kind !== 'human') return
    const { key, version } = s.config.rubric
    if (!known.has(`${key}@${version}`)) {
      throw invalid(
        bundlePaths.gates,
        `scorers.${i}.config.rubric: rubric "${key}" version ${version} is not in rubric.json`,
      )
    }
  })
}

function checkResults(parsed: ParsedBundle): void {
  const cases = new Set(parsed.dataset.map((c) => c.key))
  const metrics = new Set(parsed.gates.scorers.map((s) => s.metric))
  const seen = new Set<string>()
  parsed.results.forEach((r, i) => {
    const where = `line ${i + 1}: `
    if (!cases.has(r.case))
      throw invalid(bundlePaths.results, `${where}case: "${r.case}" is not in dataset.jsonl`)
    const key = `${r.case}\u0000${r.repeat}`
    if (seen.has(key)) {
      throw invalid(bundlePaths.results, `${where}case "${r.case}" repeat ${r.repeat} appears twice`)
    }
    seen.add(key)
    for (const metric of Object.keys(r.scores)) {
      if (!metrics.has(metric)) {
        throw invalid(bundlePaths.results, `${where}scores.${metric}: not a metric of gates.json's scorers`)
      }
    }
  })
}

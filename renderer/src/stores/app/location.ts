import { isRouteId, type RouteId } from './routes'

/** The tabs of a prompt's detail; each has its own address so a reload or a pasted link reopens it. */
export const promptTabs = ['editor', 'playground', 'diff', 'history', 'suite', 'baseline'] as const
export type PromptTab = (typeof promptTabs)[number]

export interface DiffPair {
  left: number
  right: number
}

/** Which prompt is open, on which tab; `version` is an older version shown read-only (editor tab). */
export interface PromptLocation {
  promptId: string
  tab: PromptTab
  version?: number
  diff?: DiffPair
}

/** Two dataset versions to compare: snapshot numbers (or ids), `to` may be `working`. */
export interface DatasetDiffRange {
  from: string
  to: string
}

/** Which dataset is open; `diff` shows the change between two of its snapshots instead of its cases. */
export interface DatasetLocation {
  datasetId: string
  diff?: DatasetDiffRange
}

export interface AppLocation {
  route: RouteId
  prompt: PromptLocation | null
  /** Only on the datasets screen, and only when a dataset is open. */
  dataset?: DatasetLocation
  /** Only on the runs screen: the id of the run shown. */
  run?: string
  /** Only on the review screen: the id of the open queue. */
  queue?: string
  /** Only on the compare screen: runs to add, from a link such as `#/compare?runs=a,b` (never empty). */
  compareRuns?: string[]
}

/**
 * `#/prompts`, `#/prompts/<id>`, `#/prompts/<id>/v/3`, `#/prompts/<id>/history`, `#/prompts/<id>/suite`, `#/prompts/<id>/baseline`, `#/prompts/<id>/playground`, `#/prompts/<id>/diff`,
 * `#/prompts/<id>/diff/3..5`, `#/datasets/<id>`, `#/datasets/<id>/diff/2..working`, `#/runs/<id>`, `#/review/<id>`, `#/compare?runs=a,b`.
 * Anything unknown after a valid screen falls back to that screen alone; an unknown screen gives null.
 */
export function parseHash(hash: string): AppLocation | null {
  // The query (`?runs=a,b`) belongs to the screen, never to a route name or an id.
  const [path = '', query = ''] = hash.replace(/^#?\/?/, '').split('?')
  const parts = path.split('/')
  const route = parts[0]
  if (!isRouteId(route)) return null
  if (route === 'compare') {
    const compareRuns = compareRunsOf(query)
    return compareRuns.length > 0 ? { route, prompt: null, compareRuns } : { route, prompt: null }
  }
  if (route === 'datasets') {
    const dataset = parseDatasetRest(parts.slice(1))
    return dataset ? { route, prompt: null, dataset } : { route, prompt: null }
  }
  if (route === 'runs') {
    const run = parts[1] ? safeDecode(parts[1]) : null
    return run ? { route, prompt: null, run } : { route, prompt: null }
  }
  if (route === 'review') {
    const queue = parts[1] ? safeDecode(parts[1]) : null
    return queue ? { route, prompt: null, queue } : { route, prompt: null }
  }
  if (route !== 'prompts' || !parts[1]) return { route, prompt: null }
  const promptId = safeDecode(parts[1])
  if (!promptId) return { route, prompt: null }
  return { route, prompt: parsePromptRest(promptId, parts.slice(2)) }
}

function parsePromptRest(promptId: string, rest: string[]): PromptLocation {
  const [kind, arg] = rest
  if (kind === 'v') {
    const version = parseVersion(arg)
    return version === null ? { promptId, tab: 'editor' } : { promptId, tab: 'editor', version }
  }
  if (kind === 'history') return { promptId, tab: 'history' }
  if (kind === 'suite') return { promptId, tab: 'suite' }
  if (kind === 'baseline') return { promptId, tab: 'baseline' }
  if (kind === 'playground') return { promptId, tab: 'playground' }
  if (kind === 'diff') {
    const diff = arg === undefined ? null : parseDiffRange(arg)
    return diff ? { promptId, tab: 'diff', diff } : { promptId, tab: 'diff' }
  }
  return { promptId, tab: 'editor' }
}

/** "3..5" → { left: 3, right: 5 }; the order is kept (5..3 shows the change the other way round). */
export function parseDiffRange(text: string): DiffPair | null {
  const match = /^v?(\d+)\.\.v?(\d+)$/.exec(text.trim())
  if (!match) return null
  const left = parseVersion(match[1])
  const right = parseVersion(match[2])
  return left === null || right === null ? null : { left, right }
}

export function formatDiffRange(pair: DiffPair): string {
  return `${pair.left}..${pair.right}`
}

function parseDatasetRest([id, kind, arg]: string[]): DatasetLocation | null {
  const datasetId = id ? safeDecode(id) : null
  if (!datasetId) return null
  const diff = kind === 'diff' && arg !== undefined ? parseDatasetDiffRange(arg) : null
  return diff ? { datasetId, diff } : { datasetId }
}

/** "2..working" → { from: '2', to: 'working' }; each side a snapshot number or id (`working` only as `to`). */
export function parseDatasetDiffRange(text: string): DatasetDiffRange | null {
  const at = text.indexOf('..')
  if (at <= 0) return null
  const from = safeDecode(text.slice(0, at))
  const to = safeDecode(text.slice(at + 2))
  if (!from || !to || from === 'working' || /[./]/.test(from + to)) return null
  return { from, to }
}

/** `runs=a,b` → ['a', 'b'] (trimmed, each once, in order); anything else → []. */
function compareRunsOf(query: string): string[] {
  const runs = new URLSearchParams(query).get('runs') ?? ''
  const ids = runs
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0 && id.length <= 64)
  return [...new Set(ids)]
}

/** The inverse of parseHash: `parseHash(formatHash(x))` gives x back. */
export function formatHash(location: AppLocation): string {
  const base = `#/${location.route}`
  if (location.route === 'compare') return formatCompareHash(base, location.compareRuns)
  if (location.route === 'datasets') return formatDatasetHash(base, location.dataset)
  if (location.route === 'runs') return location.run ? `${base}/${encodeURIComponent(location.run)}` : base
  if (location.route === 'review')
    return location.queue ? `${base}/${encodeURIComponent(location.queue)}` : base
  const prompt = location.route === 'prompts' ? location.prompt : null
  if (!prompt) return base
  const root = `${base}/${encodeURIComponent(prompt.promptId)}`
  switch (prompt.tab) {
    case 'history':
      return `${root}/history`
    case 'suite':
      return `${root}/suite`
    case 'baseline':
      return `${root}/baseline`
    case 'playground':
      return `${root}/playground`
    case 'diff':
      return prompt.diff ? `${root}/diff/${formatDiffRange(prompt.diff)}` : `${root}/diff`
    case 'editor':
      return prompt.version === undefined ? root : `${root}/v/${prompt.version}`
  }
}

function formatCompareHash(base: string, runs: readonly string[] | undefined): string {
  return runs && runs.length > 0 ? `${base}?runs=${runs.map(encodeURIComponent).join(',')}` : base
}

function formatDatasetHash(base: string, dataset: DatasetLocation | undefined): string {
  if (!dataset) return base
  const root = `${base}/${encodeURIComponent(dataset.datasetId)}`
  if (!dataset.diff) return root
  return `${root}/diff/${encodeURIComponent(dataset.diff.from)}..${encodeURIComponent(dataset.diff.to)}`
}

function parseVersion(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,9}$/.test(text)) return null
  const n = Number(text)
  return n >= 1 ? n : null
}

function safeDecode(text: string): string | null {
  try {
    const decoded = decodeURIComponent(text)
    return decoded.length > 0 && decoded.length <= 64 ? decoded : null
  } catch {
    return null
  }
}

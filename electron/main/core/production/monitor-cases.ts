import type { CoreContext } from '../context'
import { resultKey, type ResultKey } from '../db/repos/run-scores'

/** What a breach lists about one sampled call: its id in the log, its input and the logged output. */
export interface CallDetail {
  caseId: string
  externalId: string
  input: string
  output: string | null
  error: string | null
}

const inputPreviewChars = 300

/** The call's variables as "name: value" lines, cut to a preview: enough to recognise the ticket. */
export function inputPreview(vars: Readonly<Record<string, string>>): string {
  const text = Object.entries(vars)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')
  return text.length > inputPreviewChars ? `${text.slice(0, inputPreviewChars - 1)}…` : text
}

const pageSize = 1000

/** Every result of the run with its case's key and vars, by result key. */
export function callDetails(ctx: CoreContext, runId: string, snapshotId: string): Map<string, CallDetail> {
  const cases = new Map(ctx.repos.snapshots.allCases(snapshotId).map((c) => [c.id, c]))
  const out = new Map<string, CallDetail>()
  for (let after = 0; ;) {
    const page = ctx.repos.runScores.outputs(runId, after, pageSize)
    const last = page.at(-1)
    if (!last) break
    after = last.row
    for (const r of page) {
      const c = cases.get(r.caseId)
      out.set(resultKey(r), {
        caseId: r.caseId,
        externalId: c?.key ?? r.caseId,
        input: c ? inputPreview(c.vars) : '',
        output: r.responseText,
        error: r.errorMessage,
      })
    }
  }
  return out
}

export type DetailLookup = (key: ResultKey) => CallDetail | undefined

import { useState } from 'react'
import type { MethodOutput } from '../../../../../shared/contract'
import type { ResultRow } from '../../../../../shared/domain/result-rows'
import type { Run } from '../../../../../shared/domain/runs'
import { useRpcMutation, useRpcQuery } from '../../../api/query'
import { useRunList } from '../../../queries/runs'
import { codeConfigOf } from '../../../stores/scoring/code-form'
import type { ScorerForm } from '../../../stores/scoring/scorer-form'

export interface CodeTry {
  /** The runs that evaluated a version of this prompt, newest first. */
  runs: readonly Run[]
  runId: string | null
  chooseRun: (runId: string) => void
  caseKey: string
  setCaseKey: (text: string) => void
  rows: readonly ResultRow[]
  total: number | null
  row: ResultRow | null
  chooseRow: (row: ResultRow | null) => void
  /** Runs the scorer as the form has it now on the chosen result (the button and Ctrl+Enter). */
  run: () => void
  pending: boolean
  /** What to fix in the form before it can run (a limit out of range, no source). */
  problem: string | null
  error: Error | null
  answer: MethodOutput<'suites.tryCodeScorer'> | null
  /** The code, limits or chosen result changed since the shown answer: it no longer describes them. */
  stale: boolean
}

const sameRow = (a: ResultRow, b: ResultRow): boolean =>
  a.caseId === b.caseId &&
  a.promptVersionId === b.promptVersionId &&
  a.provider === b.provider &&
  a.modelId === b.modelId &&
  a.repeat === b.repeat

/** The test panel's state: which stored result, and the last answer of `suites.tryCodeScorer`. */
export function useCodeTry(form: ScorerForm, promptVersionIds: readonly string[]): CodeTry {
  const { runs } = useRunList()
  const mine = runs.filter((r) => r.plan.promptVersionIds.some((id) => promptVersionIds.includes(id)))
  const [pickedRun, setPickedRun] = useState<string | null>(null)
  const [caseKey, setCaseKey] = useState('')
  const [pickedRow, setPickedRow] = useState<ResultRow | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [tried, setTried] = useState<string | null>(null)
  const runId = pickedRun ?? mine[0]?.id ?? null
  const key = caseKey.trim()
  const page = useRpcQuery(
    'runs.resultRows',
    runId ? { runId, limit: 200, ...(key ? { caseKey: key } : {}) } : null,
  )
  const rows = page.data?.results ?? []
  // The picked row while it is still listed (same run, matching the key), else the first one listed.
  const row = (pickedRow && rows.find((r) => sameRow(r, pickedRow))) ?? rows[0] ?? null
  const mutation = useRpcMutation('suites.tryCodeScorer')
  const rowId = row && [row.caseId, row.promptVersionId, row.provider, row.modelId, row.repeat]
  const asWritten = JSON.stringify([form.source, form.timeLimitMs, form.memoryLimitMb, runId, rowId])

  const run = () => {
    if (!runId || !row || mutation.isPending) return
    const built = codeConfigOf(form)
    if ('problem' in built) {
      setProblem(built.problem)
      return
    }
    setProblem(null)
    setTried(asWritten)
    const { source, timeLimitMs, memoryLimitMb } = built.config
    const { caseId, promptVersionId, provider, modelId, repeat } = row
    const result = { caseId, promptVersionId, provider, modelId, repeat }
    mutation.mutate({ source, timeLimitMs, memoryLimitMb, runId, result })
  }

  return {
    runs: mine,
    runId,
    chooseRun: (id) => {
      setPickedRun(id)
      setPickedRow(null)
    },
    caseKey,
    setCaseKey,
    rows,
    total: page.data?.total ?? null,
    row,
    chooseRow: setPickedRow,
    run,
    pending: mutation.isPending,
    problem,
    error: mutation.error,
    answer: mutation.data ?? null,
    stale: mutation.data !== undefined && tried !== asWritten,
  }
}

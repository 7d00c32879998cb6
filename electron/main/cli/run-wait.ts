import type { Run, RunProgress } from '../../../shared/domain/runs'
import type { Core } from '../core'
import { call } from './call'
import type { ProgressReporter } from './progress'

const pollMs = 200
const activeStatuses: readonly string[] = ['planned', 'running']

/**
 * Resolves with the run's final row once it leaves planned/running. Progress events drive the reporter;
 * a 200 ms poll of runs.get backs them up, so a missed last event cannot leave the CLI waiting forever.
 */
export function waitForRun(core: Core, runId: string, progress: ProgressReporter): Promise<Run> {
  return new Promise((resolve, reject) => {
    let settled = false
    const end = (): boolean => {
      if (settled) return false
      settled = true
      stop()
      clearInterval(timer)
      progress.finish()
      return true
    }
    const check = (): void => {
      call(core, 'runs.get', { id: runId }).then(
        (run) => {
          if (activeStatuses.includes(run.status) || settled) return
          // The poll can see the run end before its last progress event arrives: report the final counts,
          // or a CI log would end on e.g. "36/40 calls (90 %)" for a run that completed.
          progress.update(finalProgress(run))
          if (end()) resolve(run)
        },
        (error: unknown) => {
          if (end()) reject(error instanceof Error ? error : new Error(String(error)))
        },
      )
    }
    const stop = core.bus.subscribe((event, payload) => {
      if (event !== 'runs.progress') return
      const p = payload as RunProgress
      if (p.runId !== runId) return
      progress.update(p)
      if (!activeStatuses.includes(p.status)) check()
    })
    const timer = setInterval(check, pollMs)
    check()
  })
}

function finalProgress(run: Run): RunProgress {
  const { done, total, errors, spentUsd } = run.counts
  return {
    runId: run.id,
    status: run.status,
    done,
    total,
    errors,
    spentUsd,
    callsPerSecond: 0,
    etaSeconds: null,
    batch: null,
  }
}

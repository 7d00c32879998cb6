import type { BatchWait, RunProgress } from '../../../shared/domain/runs'
import type { CliIo } from './io'

export interface ProgressReporter {
  update(progress: RunProgress): void
  /** Ends the bar's line (TTY) so the report that follows starts on a fresh line. */
  finish(): void
}

const barWidth = 20
const plainEveryMs = 5000
const plainEveryShare = 0.1

/** A redrawn bar on a terminal; in CI and logs, plain lines at most every 10 % or 5 s. */
export function createProgress(io: CliIo, label: string, clock: () => number = Date.now): ProgressReporter {
  const interactive = io.isTTY && !io.env.CI
  return interactive ? barReporter(io) : plainReporter(io, label, clock)
}

function barReporter(io: CliIo): ProgressReporter {
  let drawn = false
  return {
    update: (p) => {
      drawn = true
      io.stderr(`\r${progressBar(p)}`)
    },
    finish: () => {
      if (drawn) io.stderr('\n')
    },
  }
}

function plainReporter(io: CliIo, label: string, clock: () => number): ProgressReporter {
  let lastAt = -Infinity
  let lastShare = -1
  return {
    update: (p) => {
      const share = p.total > 0 ? p.done / p.total : 0
      const due = share - lastShare >= plainEveryShare || clock() - lastAt >= plainEveryMs
      const final = p.total > 0 && p.done === p.total && lastShare < 1
      if (!due && !final) return
      lastAt = clock()
      lastShare = share
      io.stderr(`${plainLine(label, p)}\n`)
    },
    finish: () => {},
  }
}

/** `[#######-------] 120/290 calls · 2 errors · $0.0123 · 4 s left` */
export function progressBar(p: RunProgress): string {
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0
  const filled = Math.round(share * barWidth)
  const parts = [
    `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${p.done}/${p.total} calls`,
    `${p.errors} error${p.errors === 1 ? '' : 's'}`,
    `$${p.spentUsd.toFixed(4)}`,
  ]
  if (p.etaSeconds !== null) parts.push(`${Math.ceil(p.etaSeconds)} s left`)
  if (p.batch) parts.push(batchWaitLine(p.batch))
  return parts.join(' · ')
}

/** `waiting for the provider (batch submitted 14:02, 1,200 / 2,000 done)` */
export function batchWaitLine(wait: BatchWait): string {
  const jobs = wait.jobs === 1 ? '' : `${wait.jobs} batches, `
  const submitted = wait.submittedAt ? `submitted ${clockTime(wait.submittedAt)}` : 'being submitted'
  const count = (n: number): string => n.toLocaleString('en-US')
  return `waiting for the provider (${jobs}batch ${submitted}, ${count(wait.done)} / ${count(wait.total)} done)`
}

/** HH:MM in the machine's local time, as the user's clock shows it. */
function clockTime(iso: string): string {
  const at = new Date(iso)
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`
}

/** `run: 58/290 calls (20 %)` */
export function plainLine(label: string, p: RunProgress): string {
  const percent = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0
  const errors = p.errors > 0 ? `, ${p.errors} error${p.errors === 1 ? '' : 's'}` : ''
  const waiting = p.batch ? ` · ${batchWaitLine(p.batch)}` : ''
  return `${label}: ${p.done}/${p.total} calls (${percent} %)${errors}${waiting}`
}

import type { Run, RunProgress, RunStatus } from '../../../../shared/domain/runs'

/** A progress event as the store keeps it: `stamp` orders it against list requests (higher is newer). */
export interface LiveProgress extends RunProgress {
  stamp: number
}

/** The run with an event's status and counts; plan, prices and times stay as they were. */
export function withProgress(run: Run, p: RunProgress): Run {
  if (
    run.status === p.status &&
    run.counts.done === p.done &&
    run.counts.total === p.total &&
    run.counts.errors === p.errors &&
    run.counts.spentUsd === p.spentUsd
  )
    return run
  return {
    ...run,
    status: p.status,
    counts: { ...run.counts, done: p.done, total: p.total, errors: p.errors, spentUsd: p.spentUsd },
  }
}

/**
 * Applies the latest event per run to a list; runs without an event come back as the same objects. An
 * event behind the run's done count is older than the list (a reply read after it arrived first) and is
 * dropped: a run's results are never deleted, so its done count is the version of its progress.
 */
export function applyEvents(list: readonly Run[], events: Readonly<Record<string, RunProgress>>): Run[] {
  return list.map((run) => {
    const p = events[run.id]
    return p && p.done >= run.counts.done ? withProgress(run, p) : run
  })
}

/**
 * A list reply with each run's newest known state: a run the cache already holds with more done (an
 * event or a control's answer that arrived while the request was out) is kept, never moved back.
 */
export function keepNewest(reply: readonly Run[], cached: readonly Run[] | undefined): Run[] {
  if (!cached) return [...reply]
  const byId = new Map(cached.map((run) => [run.id, run]))
  return reply.map((run) => {
    const had = byId.get(run.id)
    return had && had.counts.done > run.counts.done ? had : run
  })
}

/**
 * The list the core returned, with the events that arrived after the request left laid over it: a reply
 * read before those events must not move a run back. An event never lowers the done count of the reply
 * (the reply may have been read after it), so a run only moves forward.
 */
export function overlayLive(
  list: readonly Run[],
  live: Readonly<Record<string, LiveProgress>>,
  sentAt: number,
): Run[] {
  return list.map((run) => {
    const p = live[run.id]
    if (!p || p.stamp <= sentAt || p.done < run.counts.done) return run
    return withProgress(run, p)
  })
}

/** Newest first by creation time; runs created in the same millisecond keep the core's order. */
export function newestFirst(list: readonly Run[]): Run[] {
  return list
    .map((run, i) => ({ run, i, at: Date.parse(run.createdAt) || 0 }))
    .sort((a, b) => b.at - a.at || a.i - b.i)
    .map((x) => x.run)
}

/** Statuses in which calls are being made, or could be again without the user asking. */
export const activeStatuses: readonly RunStatus[] = ['planned', 'running']

export type RunControl = 'pause' | 'cancel' | 'resume'

/** Which controls a run offers: running → pause, cancel; stopped short → resume (and cancel while resumable). */
export function controlsFor(status: RunStatus): RunControl[] {
  switch (status) {
    case 'running':
    case 'planned':
      return ['pause', 'cancel']
    case 'paused':
    case 'interrupted':
      return ['resume', 'cancel']
    case 'cancelled':
    case 'failed':
      return ['resume']
    case 'completed':
      return []
  }
}

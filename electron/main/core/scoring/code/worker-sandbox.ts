import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { engineError, badInput } from './errors'
import { inputJson } from './input'
import { graceMs, sandboxLimitsSchema, type SandboxLimits } from './limits'
import type { CodeScoreOutcome } from './result'
import type { CodeSandbox } from './sandbox'
import { workerEntry } from './worker-url'
import { callReplySchema, slot, slotCount, type CallRequest, type WorkerInit } from './worker-protocol'

/**
 * How far past its own limit a call may run before the watchdog stops it. QuickJS's interrupt handler ends
 * a loop of JavaScript within a few ms of the limit, but not a single long native call: measured here,
 * `kept.push("x".repeat(1e6) + n)` with a 250 ms limit ran 6.9 s, `kept.push(new Array(1e5).fill(n))` 4.4 s,
 * in garbage collection near the memory limit before failing. Such a call is stopped by ending its worker.
 */
export const watchdogMarginMs = graceMs + 200
const watchdogTickMs = 25

interface Pending {
  request: CallRequest
  resolve: (outcome: CodeScoreOutcome) => void
}

export interface WorkerCodeSandbox extends CodeSandbox {
  /** Ends the worker; calls still waiting get an engine error. */
  close(): Promise<void>
  /** How many worker threads were started: 1, plus one for each call the watchdog stopped. */
  readonly workerStarts: number
}

const megabytes = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10

const watchdogStopped = (limits: SandboxLimits): CodeScoreOutcome => ({
  ok: false,
  kind: 'timeout',
  message:
    `The scorer ran past its ${limits.timeMs} ms time limit and was stopped (stuck in a long built-in call, ` +
    `or collecting garbage near its ${megabytes(limits.memoryBytes)} MB memory limit)`,
})

/**
 * The code sandbox in a worker thread, so scoring never blocks the main thread and a call stuck where the
 * interrupt handler cannot reach it is still stopped: calls are queued to one worker (each still in a
 * fresh QuickJS runtime); a watchdog reads which call runs since when from shared memory and, past its
 * limit plus a margin, terminates the worker, fails that call and resends the others to a new worker.
 */
class WorkerPool {
  private worker: Worker | null = null
  private state = new Int32Array(new SharedArrayBuffer(slotCount * 4))
  private readonly epoch = Date.now()
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private watchdog: NodeJS.Timeout | null = null
  private repliesFromThisWorker = 0
  /** Calls submitted in this tick, not yet sent: a page's calls cross to the worker in one message. */
  private outbox: CallRequest[] = []
  starts = 0

  /** Calls sent and not yet answered. */
  get load(): number {
    return this.pending.size
  }

  submit(source: string, json: string, limits: SandboxLimits): Promise<CodeScoreOutcome> {
    return new Promise((resolve) => {
      const request: CallRequest = { id: this.nextId++, source, json, limits }
      this.pending.set(request.id, { request, resolve })
      if (this.outbox.length === 0) queueMicrotask(() => this.flush())
      this.outbox.push(request)
      this.watchdog ??= setInterval(() => this.check(), watchdogTickMs)
      this.worker?.ref()
    })
  }

  /** Sends the tick's calls as one message (a call failed or closed meanwhile is left out). */
  private flush(): void {
    const batch = this.outbox.filter((request) => this.pending.has(request.id))
    this.outbox = []
    if (batch.length > 0) this.ensureWorker().postMessage(batch)
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    // Fresh shared memory per worker: a terminated one still winding down cannot write into the new one's.
    this.state = new Int32Array(new SharedArrayBuffer(slotCount * 4))
    const init: WorkerInit = { state: this.state.buffer, epoch: this.epoch }
    const worker = new Worker(workerEntry(), { workerData: init })
    worker.on('message', (message: unknown) => this.reply(message))
    worker.on('error', (error) => this.lost(worker, error))
    worker.on('exit', (code) => this.lost(worker, new Error(`the sandbox worker exited (code ${code})`)))
    this.worker = worker
    this.repliesFromThisWorker = 0
    this.starts += 1
    return worker
  }

  /** The worker answers in batches too (see worker.ts). */
  private reply(message: unknown): void {
    if (!Array.isArray(message)) return
    for (const item of message) {
      const parsed = callReplySchema.safeParse(item)
      if (!parsed.success) continue // not one of ours: the call it might have been stays with the watchdog
      this.repliesFromThisWorker += 1
      const pending = this.pending.get(parsed.data.id)
      if (!pending) continue // already stopped by the watchdog
      this.pending.delete(parsed.data.id)
      pending.resolve(parsed.data.outcome)
    }
    this.idleIfDone()
  }

  private idleIfDone(): void {
    if (this.pending.size > 0) return
    if (this.watchdog) clearInterval(this.watchdog)
    this.watchdog = null
    // An idle worker must not keep the process (the CLI, a test) alive.
    this.worker?.unref()
  }

  /** The running call past its limit plus the margin: stop the worker, fail the call, resend the rest. */
  private check(): void {
    const running = Atomics.load(this.state, slot.running)
    const pending = this.pending.get(running)
    if (!pending) return
    const started = this.epoch + Atomics.load(this.state, slot.startedAt)
    if (Date.now() - started <= pending.request.limits.timeMs + watchdogMarginMs) return
    this.fail(running, watchdogStopped(pending.request.limits))
    this.restart()
  }

  private fail(id: number, outcome: CodeScoreOutcome): void {
    const pending = this.pending.get(id)
    if (!pending) return
    this.pending.delete(id)
    pending.resolve(outcome)
  }

  private restart(): void {
    const old = this.worker
    this.worker = null
    if (old) void old.terminate()
    if (this.pending.size === 0) return this.idleIfDone()
    // Every call still pending is resent, those not yet flushed included.
    this.outbox = []
    this.ensureWorker().postMessage([...this.pending.values()].map((p) => p.request))
  }

  /** The worker died on its own: a worker that never answered fails everything (it cannot start). */
  private lost(worker: Worker, error: Error): void {
    if (worker !== this.worker) return // one we ended on purpose
    const outcome = engineError(error)
    if (this.repliesFromThisWorker === 0) {
      for (const id of [...this.pending.keys()]) this.fail(id, outcome)
    } else {
      const running = Atomics.load(this.state, slot.running)
      this.fail(running || (this.pending.keys().next().value ?? 0), outcome)
    }
    this.restart()
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    for (const id of [...this.pending.keys()]) this.fail(id, engineError(new Error('the sandbox was closed')))
    this.idleIfDone()
    if (worker) await worker.terminate()
  }
}

export interface WorkerSandboxOptions {
  /**
   * Worker threads the calls are spread over (each with its own watchdog). By default 2 (1 on a single
   * core): a call is ≈ 0.45 ms of QuickJS work and the scoring pass's own share is small, so the second
   * worker nearly doubles a pass — on this 2-core machine, quiet, 10,008 results × 5 scorers: 3,431 calls/s
   * with 2 workers against 1,903 with 1. When other work already takes the cores it costs a little (at load 8:
   * 1,150–1,280 calls/s with 2 against 1,380–1,480 with 1). Calls are independent (a fresh runtime each), so
   * which worker runs one never changes its score.
   */
  workers?: number
}

/** The pool with the fewest calls waiting (the first on a tie, so a light load starts one worker only). */
function leastLoaded(pools: readonly WorkerPool[]): WorkerPool {
  let best = pools[0] as WorkerPool
  for (const pool of pools) if (pool.load < best.load) best = pool
  return best
}

/** A CodeSandbox whose calls run in worker threads with a watchdog each (see WorkerPool). */
export function createWorkerSandbox(
  limits: Partial<SandboxLimits> = {},
  options: WorkerSandboxOptions = {},
): WorkerCodeSandbox {
  const parsed = sandboxLimitsSchema.parse(limits)
  const count = Math.max(1, options.workers ?? Math.min(2, availableParallelism()))
  const pools = Array.from({ length: count }, () => new WorkerPool())
  const starts = (): number => pools.reduce((sum, pool) => sum + pool.starts, 0)
  const submit = (source: string, json: string, callLimits: SandboxLimits): Promise<CodeScoreOutcome> =>
    leastLoaded(pools).submit(source, json, callLimits)
  return {
    limits: parsed,
    get engineLoads() {
      return starts()
    },
    get workerStarts() {
      return starts()
    },
    run(source, input, callLimits) {
      let json: string
      try {
        json = inputJson(input)
      } catch (error) {
        return Promise.resolve(badInput(error))
      }
      return submit(source, json, callLimits ?? parsed)
    },
    runJson: (source, json, callLimits) => submit(source, json, callLimits ?? parsed),
    close: async () => {
      await Promise.all(pools.map((pool) => pool.close()))
    },
  }
}

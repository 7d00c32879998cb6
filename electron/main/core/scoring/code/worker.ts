/**
 * The code scorer worker thread: runs each call it is sent in a fresh QuickJS runtime, one after another,
 * and marks in shared memory which call is running so the pool's watchdog can stop a call whose interrupt
 * handler does not fire in time (a long native built-in, garbage collection near the memory limit).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runInFreshRuntime } from './call'
import { QuickJsEngine } from './engine'
import { engineError } from './errors'
import type { CodeScoreOutcome } from './result'
import { slot, type CallRequest, type CallReply, type WorkerInit } from './worker-protocol'

const init = workerData as WorkerInit
const state = new Int32Array(init.state)
const engine = new QuickJsEngine()
const port = parentPort

async function handle(request: CallRequest): Promise<void> {
  let outcome: CodeScoreOutcome
  try {
    const module = await engine.load()
    Atomics.store(state, slot.startedAt, Date.now() - init.epoch)
    Atomics.store(state, slot.running, request.id)
    const result = runInFreshRuntime(module, request.source, request.json, request.limits)
    if (result.engineBroken) engine.discard()
    outcome = result.outcome
  } catch (error) {
    engine.discard()
    outcome = engineError(error)
  }
  Atomics.store(state, slot.running, 0)
  Atomics.store(state, slot.finished, request.id)
  answer({ id: request.id, outcome })
}

/**
 * Replies go back in batches, one message when the calls received so far are done or every
 * `replyBatch` calls; the first reply goes at once, so the pool knows this worker can run calls.
 */
const replyBatch = 64
let outgoing: CallReply[] = []
let backlog = 0
let answered = false
function answer(reply: CallReply): void {
  outgoing.push(reply)
  backlog -= 1
  if (backlog > 0 && outgoing.length < replyBatch && answered) return
  answered = true
  port?.postMessage(outgoing)
  outgoing = []
}

// Calls are handled in arrival order: each waits for the one before, so only one runs at a time.
let queue = Promise.resolve()
port?.on('message', (batch: CallRequest[]) => {
  backlog += batch.length
  for (const request of batch) queue = queue.then(() => handle(request))
})
// Loads and warms the engine while the first calls are on their way.
void engine.load().catch(() => undefined)

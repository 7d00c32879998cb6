import { performance } from 'node:perf_hooks'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'

/**
 * The longest stretch of synchronous work (or of promise callbacks, which never let timers or sockets in) the
 * core allows itself before it gives the event loop a turn. Well under the 50 ms every other call may wait,
 * so a busy 2-core machine still has room.
 */
export const SLICE_MS = 12

/** Rows read per statement when a big read is sliced: each page is a few milliseconds. */
export const PAGE_ROWS = 1000

/**
 * Lets long work (planning 50,000 calls, cache hits settling one after the other, a scoring pass) give way to
 * every other call. `pause()` costs nothing while the slice lasts; once it has run out, it waits for one turn
 * of the event loop. A slice also ends whenever the loop got a turn on its own (an answer arrived, a timer
 * fired): an immediate armed on the first pause notes when that happened.
 */
export class TimeSlicer {
  private sliceStart = performance.now()
  private armed = false

  constructor(private readonly sliceMs: number = SLICE_MS) {}

  /** True when the slice has run out: the caller should `await pause()` before more work. */
  get due(): boolean {
    this.arm()
    return performance.now() - this.sliceStart >= this.sliceMs
  }

  async pause(): Promise<void> {
    if (this.due) await yieldToEventLoop()
  }

  private arm(): void {
    if (this.armed) return
    this.armed = true
    setImmediate(() => {
      this.armed = false
      this.sliceStart = performance.now()
    })
  }
}

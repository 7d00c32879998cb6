import type { Slot, SlotSource } from './limits'
import { ProviderError } from './providers/types'

interface Waiter {
  enqueuedAt: number
  start: () => void
  /** Started or cancelled: skipped when the queue reaches it (a pause cancels thousands at once). */
  done: boolean
}

/** First in, first out, with a moving head so neither taking nor cancelling costs more as the queue grows. */
class Queue {
  private items: Waiter[] = []
  private head = 0

  push(waiter: Waiter): void {
    this.items.push(waiter)
  }

  shift(): Waiter | undefined {
    while (this.head < this.items.length) {
      const waiter = this.items[this.head++] as Waiter
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head)
        this.head = 0
      }
      if (!waiter.done) return waiter
    }
    return undefined
  }
}

const cancelled = (): ProviderError => new ProviderError('cancelled', 'Cancelled before it was sent.')

/**
 * One caller's share of a provider's lane: at most `cap` of its attempts hold a slot of the shared lane at
 * once (a run's own concurrency, below the provider's). Past the cap, attempts wait here, retries first, and
 * only then queue at the provider, so the cap never takes a slot from another run's attempts.
 */
export function cappedLane(lane: SlotSource, cap: number, now: () => number = Date.now): SlotSource {
  let active = 0
  const retries = new Queue()
  const fresh = new Queue()
  const pump = (): void => {
    while (active < cap) {
      const next = retries.shift() ?? fresh.shift()
      if (!next) return
      next.done = true
      active++
      next.start()
    }
  }
  const done = (): void => {
    active--
    pump()
  }
  return {
    acquire(options = {}) {
      const { signal } = options
      if (signal?.aborted) return Promise.reject(cancelled())
      return new Promise<Slot>((resolve, reject) => {
        const onAbort = (): void => {
          if (waiter.done) return
          waiter.done = true
          reject(cancelled())
        }
        const waiter: Waiter = {
          enqueuedAt: now(),
          done: false,
          start: () => {
            signal?.removeEventListener('abort', onAbort)
            const waitedMs = now() - waiter.enqueuedAt
            lane.acquire(options).then(
              (slot) => resolve(withRelease(slot, waitedMs, done)),
              (error: unknown) => {
                done()
                reject(error instanceof Error ? error : cancelled())
              },
            )
          },
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        ;(options.retry ? retries : fresh).push(waiter)
        pump()
      })
    },
  }
}

function withRelease(slot: Slot, waitedMs: number, done: () => void): Slot {
  let released = false
  return {
    queuedMs: slot.queuedMs + waitedMs,
    release: (feedback) => {
      if (released) return
      released = true
      slot.release(feedback)
      done()
    },
  }
}

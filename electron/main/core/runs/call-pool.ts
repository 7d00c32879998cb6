import type { TimeSlicer } from '../time-slice'

/**
 * How many items of one provider a run keeps started at once: a few times the calls it may have in flight,
 * so an item waiting for its retry-after leaves its slot to the next one, but never the whole run. (Tens of
 * thousands of waiters would each add a listener to the run's abort signals, and Node's EventTarget checks
 * every existing listener on each add: 50,000 cost 6 s of blocked event loop.)
 */
export function poolSize(concurrency: number): number {
  return Math.max(16, concurrency * 4)
}

/**
 * Calls `call` on each item, `size` at a time, taking the next item only when one finishes, until the items
 * run out or `stopped()`. Answers from the cache settle without any I/O, so a worker gives the event loop a
 * turn whenever the slicer's slice has run out.
 */
export async function drainPool<T>(
  items: Iterator<T, void, undefined>,
  size: number,
  call: (item: T) => Promise<void>,
  stopped: () => boolean,
  slicer: TimeSlicer,
): Promise<void> {
  const worker = async (): Promise<void> => {
    while (!stopped()) {
      if (slicer.due) await slicer.pause()
      if (stopped()) return
      const next = items.next()
      if (next.done) return
      await call(next.value)
    }
  }
  await Promise.all(Array.from({ length: size }, worker))
}

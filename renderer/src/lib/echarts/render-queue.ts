/** One unit of drawing: typically "create the chart if needed, then setOption". */
export type RenderTask = () => void | Promise<void>

export interface RenderQueue {
  /** Runs `task` after every task queued before it, one at a time. Returns a cancel for a task not yet started. */
  enqueue(task: RenderTask): () => void
}

/**
 * Resolves after the browser has had a frame: a requestAnimationFrame callback runs just before paint, and the
 * timeout inside it lands after the paint and any input waiting. The fallback timeout keeps the queue moving
 * where frames do not come (a hidden window throttles requestAnimationFrame).
 */
export function nextFrame(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, fallbackMs)
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback)
        resolve()
      }, 0),
    )
  })
}

/**
 * A serial queue for chart drawing. Each setOption is one synchronous block of work; several charts mounting
 * together would otherwise draw in a single long task. Here they draw one after another, with a frame yielded
 * to the browser between two of them, so input and paint are never held up by more than one chart.
 * A task that throws does not stop the queue: its error goes to `onError` (the caller shows it; we never swallow).
 */
export function createRenderQueue(
  yieldToBrowser: () => Promise<void> = nextFrame,
  onError: (error: unknown) => void = (error) => console.error('Chart rendering failed', error),
): RenderQueue {
  const pending: RenderTask[] = []
  let running = false

  const drain = async () => {
    running = true
    for (let task = pending.shift(); task; task = pending.shift()) {
      try {
        await task()
      } catch (error) {
        onError(error)
      }
      await yieldToBrowser()
    }
    running = false
  }

  return {
    enqueue(task) {
      pending.push(task)
      if (!running) void drain()
      return () => {
        const index = pending.indexOf(task)
        if (index >= 0) pending.splice(index, 1)
      }
    },
  }
}

/** The one queue every chart of the app draws through. */
export const chartQueue = createRenderQueue()

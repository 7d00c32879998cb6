import { describe, expect, it } from 'vitest'
import { createRenderQueue } from '../../../../renderer/src/lib/echarts/render-queue'

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

/** A yield the test releases by hand: it shows exactly when the queue hands control back to the browser. */
function manualYield() {
  const waiting: (() => void)[] = []
  return {
    yieldToBrowser: () => new Promise<void>((resolve) => waiting.push(resolve)),
    /** Lets the queue reach its yield, releases it, and lets the next task start before the test looks. */
    release: async () => {
      await settle()
      waiting.shift()?.()
      await settle()
    },
    get pending() {
      return waiting.length
    },
  }
}

describe('createRenderQueue', () => {
  it('runs one task at a time and yields to the browser between two tasks', async () => {
    const frames = manualYield()
    const queue = createRenderQueue(frames.yieldToBrowser)
    const log: string[] = []
    queue.enqueue(() => void log.push('a'))
    queue.enqueue(() => void log.push('b'))
    queue.enqueue(() => void log.push('c'))
    await settle()
    expect(log).toEqual(['a'])
    await frames.release()
    expect(log).toEqual(['a', 'b'])
    await frames.release()
    expect(log).toEqual(['a', 'b', 'c'])
  })

  it('waits for an async task (loading ECharts) before starting the next', async () => {
    const frames = manualYield()
    const queue = createRenderQueue(frames.yieldToBrowser)
    const log: string[] = []
    let finishLoad: () => void = () => undefined
    queue.enqueue(async () => {
      log.push('load start')
      await new Promise<void>((resolve) => (finishLoad = resolve))
      log.push('load end')
    })
    queue.enqueue(() => void log.push('second'))
    await frames.release()
    expect(log).toEqual(['load start'])
    finishLoad()
    await settle()
    await frames.release()
    expect(log).toEqual(['load start', 'load end', 'second'])
  })

  it('drops a cancelled task that has not started (a chart unmounted or given a newer option)', async () => {
    const frames = manualYield()
    const queue = createRenderQueue(frames.yieldToBrowser)
    const log: string[] = []
    queue.enqueue(() => void log.push('a'))
    const cancel = queue.enqueue(() => void log.push('stale'))
    queue.enqueue(() => void log.push('c'))
    cancel()
    await frames.release()
    await frames.release()
    expect(log).toEqual(['a', 'c'])
  })

  it('reports a failing task and goes on with the next', async () => {
    const frames = manualYield()
    const errors: unknown[] = []
    const queue = createRenderQueue(frames.yieldToBrowser, (e) => errors.push(e))
    const log: string[] = []
    queue.enqueue(() => {
      throw new Error('canvas lost')
    })
    queue.enqueue(() => void log.push('next'))
    await frames.release()
    expect(errors).toEqual([new Error('canvas lost')])
    expect(log).toEqual(['next'])
  })

  it('starts again when a task arrives after the queue ran dry', async () => {
    const frames = manualYield()
    const queue = createRenderQueue(frames.yieldToBrowser)
    const log: string[] = []
    queue.enqueue(() => void log.push('a'))
    await settle()
    expect(frames.pending).toBe(1)
    await frames.release()
    expect(frames.pending).toBe(0)
    queue.enqueue(() => void log.push('b'))
    await settle()
    expect(log).toEqual(['a', 'b'])
  })
})

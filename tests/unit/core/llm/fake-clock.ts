/** Virtual time for retry and limiter tests: sleeps wait until the test advances the clock. */
export class FakeClock {
  time = 0
  readonly sleeps: number[] = []
  private timers: { at: number; resolve: () => void }[] = []

  now = (): number => this.time

  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms)
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new Error('aborted'))
      const timer = { at: this.time + ms, resolve }
      this.timers.push(timer)
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((t) => t !== timer)
        reject(new Error('aborted'))
      })
    })
  }

  /** Moves time forward, waking each sleeper in order and letting its continuation run. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms
    for (;;) {
      await flush()
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0]
      if (!next) break
      this.timers = this.timers.filter((t) => t !== next)
      this.time = next.at
      next.resolve()
    }
    this.time = target
    await flush()
  }

  /** Runs every pending sleep to completion, however far in the future. */
  async runAll(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      await flush()
      if (this.timers.length === 0) return
      await this.advance(Math.max(0, Math.min(...this.timers.map((t) => t.at)) - this.time))
    }
  }
}

export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

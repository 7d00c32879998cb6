export interface WriterOptions<T> {
  /** Flush when this many rows are queued. */
  maxRows: number
  /** Flush at the latest this long after the first queued row. */
  maxDelayMs: number
  /** Writes the rows in ONE short synchronous transaction; returns how many were new. */
  write: (rows: readonly T[]) => number
  /** Called once per non-empty flush, after the transaction committed (emit db.changed here). */
  onFlushed: (written: number) => void
  /**
   * A batch could not be written (disk full, I/O error, a lock held too long). The rows stay queued; the
   * caller decides what to do. Never thrown from add() or the timer, where nobody could catch it.
   */
  onError: (error: unknown) => void
}

/**
 * Results arrive one by one from async calls; writing each in its own transaction would cost an fsync
 * per result and flood the UI with db.changed. They are queued and written in batches instead.
 */
export class ResultWriter<T> {
  private queue: T[] = []
  private timer: ReturnType<typeof setTimeout> | null = null
  private closed = false

  constructor(private readonly options: WriterOptions<T>) {}

  add(row: T): void {
    if (this.closed) return
    this.queue.push(row)
    if (this.queue.length >= this.options.maxRows) this.flush()
    else this.timer ??= setTimeout(() => this.flush(), this.options.maxDelayMs)
  }

  get pending(): number {
    return this.queue.length
  }

  /** Synchronous: nothing can be queued between taking the batch and committing it. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.queue.length === 0 || this.closed) return
    const rows = this.queue
    this.queue = []
    let written: number
    try {
      written = this.options.write(rows)
    } catch (error) {
      // The transaction rolled back: keep the rows (in order) so a later flush can still write them.
      this.queue = rows.concat(this.queue)
      this.options.onError(error)
      return
    }
    this.options.onFlushed(written)
  }

  /** Flushes what is queued, then drops anything that still arrives (the database is closing). */
  close(): void {
    this.flush()
    this.closed = true
  }
}

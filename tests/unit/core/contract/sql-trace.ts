import Database from 'better-sqlite3'

type Method = 'run' | 'get' | 'all' | 'iterate'
const executing: Method[] = ['run', 'get', 'all', 'iterate']

/**
 * Records the source of every SQL statement executed while `record` runs. better-sqlite3's statements share
 * one prototype, so wrapping its execute methods sees every statement the repos prepared, whenever.
 */
export function createSqlTrace(): {
  record<T>(work: () => Promise<T>): Promise<{ value: T; sql: string[] }>
} {
  const probe = new Database(':memory:')
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<
    Method,
    (...a: unknown[]) => unknown
  >
  probe.close()
  let sink: string[] | null = null
  for (const name of executing) {
    const original = proto[name]
    if ((original as { traced?: boolean }).traced) continue
    const wrapped = function (this: { source: string }, ...args: unknown[]): unknown {
      sink?.push(this.source)
      return original.apply(this, args)
    }
    Object.assign(wrapped, { traced: true })
    proto[name] = wrapped
  }
  return {
    async record(work) {
      const sql: string[] = []
      sink = sql
      try {
        return { value: await work(), sql }
      } finally {
        sink = null
      }
    },
  }
}

/** The tables a set of statements names: a table counts when its name appears as a whole word. */
export function tablesNamed(sql: readonly string[], tables: readonly string[]): string[] {
  return tables.filter((t) => sql.some((s) => new RegExp(`\\b${t}\\b`, 'i').test(s))).sort()
}

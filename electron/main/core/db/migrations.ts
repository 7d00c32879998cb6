import { createHash } from 'node:crypto'

export interface Migration {
  version: number
  name: string
  sql: string
  sha256: string
}

// Bundled at build time, so the app never reads migration files from disk at run time.
const files = import.meta.glob<string>('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
})

export const bundledMigrations: readonly Migration[] = parseMigrations(files)

export function parseMigrations(sources: Record<string, string>): Migration[] {
  const list = Object.entries(sources).map(([path, sql]) => toMigration(path, sql))
  list.sort((a, b) => a.version - b.version)
  list.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migrations must be numbered 1, 2, 3 … without gaps; found ${m.name}`)
  })
  return list
}

function toMigration(path: string, sql: string): Migration {
  const file = path.split('/').pop() ?? path
  const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file)
  if (!match?.[1] || !match[2]) throw new Error(`Migration file "${file}" must be named NNNN_snake_name.sql`)
  return { version: Number(match[1]), name: file, sql, sha256: sha256(sql) }
}

/** Line endings are normalised first so a checkout with CRLF does not look like an edited migration. */
export function sha256(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex')
}

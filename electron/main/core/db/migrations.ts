import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'

export interface Migration {
  version: number
  name: string
  sql: string
  sha256: string
}

export const bundledMigrations: readonly Migration[] = parseMigrations(migrationSources())

/** Bundled at build time (Vite replaces the glob call), so the app never reads migration files at run time. */
function migrationSources(): Record<string, string> {
  try {
    return import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true })
  } catch {
    // Plain Node without a bundler (`npm run bench` under tsx): the same files, read beside this module.
    const dir = new URL('./migrations/', import.meta.url)
    const names = readdirSync(dir).filter((name) => name.endsWith('.sql'))
    return Object.fromEntries(
      names.map((name) => [`./migrations/${name}`, readFileSync(new URL(name, dir), 'utf8')]),
    )
  }
}

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

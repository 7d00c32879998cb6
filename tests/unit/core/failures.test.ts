import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { methodNames } from '../../../shared/contract'
import { reportError } from '../../../electron/main/cli/errors'
import { exitCodes } from '../../../electron/main/cli/io'
import { createDispatch, type Handlers } from '../../../electron/main/core/dispatch'
import { EventBus } from '../../../electron/main/core/events'
import { writingFile } from '../../../electron/main/core/failures'
import { startHost, type RunningHost } from '../../../electron/main/host/server'
import { useTempHomes } from '../../fixtures/temp-home'
import { captureIo } from '../cli/cli-helpers'

const newHome = useTempHomes()
let host: RunningHost | undefined
let db: Database.Database | undefined

afterEach(async () => {
  await host?.close()
  db?.close()
  host = undefined
  db = undefined
})

function handlers(overrides: Partial<Handlers>): Handlers {
  const refuse = (): never => {
    throw new Error('not under test')
  }
  return { ...(Object.fromEntries(methodNames.map((n) => [n, refuse])) as unknown as Handlers), ...overrides }
}

/** A real workspace-like database that cannot grow: its next big write fails with SQLITE_FULL. */
function fullDatabase(): { file: string; write: () => never } {
  const file = join(newHome(), 'evallab.db')
  db = new Database(file)
  db.exec('CREATE TABLE notes (body TEXT) STRICT')
  const pages = db.pragma('page_count', { simple: true }) as number
  db.pragma(`max_page_count = ${pages}`)
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)')
  return {
    file,
    write: () => {
      insert.run('x'.repeat(100_000))
      throw new Error('the write was expected to fail')
    },
  }
}

/** Writing to /dev/full fails as a full disk does: ENOSPC from write(), with no path on the error. */
function writeToFullDevice(): never {
  writeFileSync('/dev/full', 'results')
  throw new Error('the write was expected to fail')
}

describe('a full disk is DISK_FULL naming the file, never INTERNAL', () => {
  it('SQLITE_FULL from the workspace database names the database file', async () => {
    const full = fullDatabase()
    const dispatch = createDispatch(handlers({ 'prompts.list': full.write }), new EventBus(), {
      dbFile: full.file,
    })
    const result = await dispatch('prompts.list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } })
    expect(!result.ok && result.error.message).toContain(`could not write ${full.file}`)
    expect(db?.prepare('SELECT COUNT(*) AS n FROM notes').get()).toEqual({ n: 0 })
  })

  it('ENOSPC while writing a file names that file; the host answers 507', async () => {
    const target = join(newHome(), 'export', 'results.csv')
    const dispatch = createDispatch(
      handlers({ 'prompts.list': () => writingFile(target, writeToFullDevice) }),
      new EventBus(),
    )
    const staticDir = newHome()
    const token = 'test-token-0123456789abcdef'
    host = await startHost({ dispatch, bus: new EventBus(), staticDir, token, port: 0 })
    const reply = await fetch(`http://127.0.0.1:${host.port}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ method: 'prompts.list', input: {} }),
    })
    expect(reply.status).toBe(507)
    const envelope = (await reply.json()) as { ok: false; error: { code: string; message: string } }
    expect(envelope.error.code).toBe('DISK_FULL')
    expect(envelope.error.message).toContain(`could not write ${target}`)
  })

  it('the CLI prints a full disk as one line naming the file and exits 3, not as a bug', () => {
    const captured = captureIo()
    let error: unknown
    try {
      writingFile('/work/out/junit.xml', writeToFullDevice)
    } catch (caught) {
      error = caught
    }
    expect(reportError(captured.io, 'gate', error)).toBe(exitCodes.usage)
    expect(captured.err()).toMatch(
      /^evallab gate: The disk is full: could not write \/work\/out\/junit.xml\./,
    )
    const raw = Object.assign(new Error('ENOSPC: no space left on device, open'), {
      code: 'ENOSPC',
      path: '/work/out/summary.md',
    })
    const plain = captureIo()
    expect(reportError(plain.io, 'run', raw)).toBe(exitCodes.usage)
    expect(plain.err()).toContain('could not write /work/out/summary.md')
    expect(plain.err()).not.toContain('internal error')
  })
})

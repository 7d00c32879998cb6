import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { WorkspaceOpenError } from '../db/migrate'

export interface WorkspaceLock {
  readonly file: string
  release(): void
}

interface LockInfo {
  pid: number
  host: string
  since: string
}

/**
 * One process works on a workspace at a time: two batch runners writing the same file would fight over
 * results. A lock left by a process that died (kill -9, power loss) is taken over.
 */
export function acquireLock(home: string, now: () => string): WorkspaceLock {
  const file = join(home, 'evallab.lock')
  const info: LockInfo = { pid: process.pid, host: hostname(), since: now() }
  if (!tryCreate(file, info)) {
    const holder = readHolder(file)
    if (holder && isAlive(holder)) {
      throw new WorkspaceOpenError(
        'locked',
        `The workspace in ${home} is in use by process ${holder.pid} on ${holder.host} since ${holder.since}. ` +
          `Close the other Eval Lab window or process. If none is running, delete ${file}.`,
      )
    }
    writeFileSync(file, JSON.stringify(info))
  }
  return {
    file,
    release: () => {
      if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true })
    },
  }
}

function tryCreate(file: string, info: LockInfo): boolean {
  try {
    writeFileSync(file, JSON.stringify(info), { flag: 'wx' })
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

function readHolder(file: string): LockInfo | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>
    if (typeof parsed.pid !== 'number') return null
    return {
      pid: parsed.pid,
      host: String(parsed.host ?? 'unknown'),
      since: String(parsed.since ?? 'unknown'),
    }
  } catch {
    return null
  }
}

function isAlive(holder: LockInfo): boolean {
  // A lock written on another machine (a synced folder) cannot be probed: treat it as held.
  if (holder.host !== hostname()) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

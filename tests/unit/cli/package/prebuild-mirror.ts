import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const repoSqlite = resolve(import.meta.dirname, '../../../../node_modules/better-sqlite3')
/** The addon the repo's tests run on: built for this Node (the app's Electron build lives elsewhere). */
export const repoAddon = join(repoSqlite, 'build/Release/better_sqlite3.node')

export interface PrebuildMirror {
  /** For prebuild-install's `npm_config_better_sqlite3_binary_host`. */
  url: string
  /** The path prebuild-install asks for: `/v<version>/<name>`. */
  path: string
  /** The tarball's file name, as prebuild-install also names its cached copy. */
  tarball: string
  /** Every path asked for, in order. */
  requests: string[]
  close: () => Promise<void>
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** prebuild's naming, as prebuild-install builds the download URL (glibc Linux, macOS, Windows). */
function prebuildName(version: string): string {
  const { modules } = process.versions
  return `better-sqlite3-v${version}-node-v${modules}-${process.platform}-${process.arch}.tar.gz`
}

/** A prebuild tarball of the repo's addon (build/Release/better_sqlite3.node), made by the system's tar. */
function packAddon(version: string): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'evallab-prebuild-'))
  mkdirSync(join(dir, 'build/Release'), { recursive: true })
  copyFileSync(repoAddon, join(dir, 'build/Release/better_sqlite3.node'))
  const file = join(dir, prebuildName(version))
  const tar = spawnSync('tar', ['-czf', file, 'build'], { cwd: dir, encoding: 'utf8' })
  if (tar.status !== 0) throw new Error(`tar failed (exit ${tar.status}): ${tar.stderr}`)
  return { file, dir }
}

/**
 * A binary mirror for better-sqlite3 on 127.0.0.1, as a company on a closed network runs one: it serves
 * the repo's own Node build of the addon in prebuild's naming, so `npm install` downloads it instead of
 * compiling better-sqlite3 from source (about a minute here; GitHub, the default host, is unreachable).
 */
export async function startPrebuildMirror(): Promise<PrebuildMirror> {
  const { version } = JSON.parse(readFileSync(join(repoSqlite, 'package.json'), 'utf8')) as {
    version: string
  }
  const { file, dir } = packAddon(version)
  const body = readFileSync(file)
  const path = `/v${version}/${prebuildName(version)}`
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '')
    if (req.method !== 'GET' || req.url !== path) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': body.length }).end(body)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    ...{ url: `http://127.0.0.1:${port}`, path, tarball: prebuildName(version), requests },
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

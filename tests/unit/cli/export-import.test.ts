import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useTempHomes } from '../../fixtures/temp-home'
import { runCli } from './cli-helpers'
import { buildDemoBaseline, demoPrompt } from './demo-baseline'

const newHome = useTempHomes()
afterEach(() => vi.unstubAllEnvs())

const bundleFiles = [
  'prompt.json',
  'dataset.jsonl',
  'rubric.json',
  'gates.json',
  'signoffs.json',
  'manifest.json',
]

/** Every file under `dir`, relative and sorted, with its bytes. */
function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) walk(path)
      else files.set(relative(dir, path), readFileSync(path))
    }
  }
  walk(dir)
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)))
}

/** A workspace holding the demo's signed baseline (its own export goes to a throw-away folder). */
async function demoWorkspace(): Promise<string> {
  const { home } = await buildDemoBaseline(newHome(), join(newHome(), 'evals'))
  return home
}

function exportArgs(workspace: string, out: string, ...more: string[]): string[] {
  return ['export', '--prompt', demoPrompt, '--out', out, '--workspace', workspace, ...more]
}

/** git must commit without the machine's identity or config: a hermetic author and no global config. */
function hermeticGit(): Record<string, string> {
  const env = {
    GIT_AUTHOR_NAME: 'Eval Bot',
    GIT_AUTHOR_EMAIL: 'bot@example.test',
    GIT_COMMITTER_NAME: 'Eval Bot',
    GIT_COMMITTER_EMAIL: 'bot@example.test',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
  }
  // The core runs git as a child of this process, so the identity must be in process.env too.
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
  return env
}

describe('evallab export', () => {
  it('writes the folder and lists its files; a second export changes none', async () => {
    const workspace = await demoWorkspace()
    const out = join(newHome(), 'evals')
    const first = await runCli(exportArgs(workspace, out))
    expect(first.err).toBe('')
    expect(first.code).toBe(0)
    const folder = join(out, 'ticket-triage')
    expect(first.out).toContain(`Exported "${demoPrompt}" to ${folder}`)
    const written = filesUnder(folder)
    for (const name of bundleFiles) expect(written.has(name)).toBe(true)
    expect([...written.keys()].some((f) => f.startsWith('baseline/'))).toBe(true)
    for (const name of written.keys()) expect(first.out).toMatch(new RegExp(`^  changed {4}${name}$`, 'm'))

    const second = await runCli(exportArgs(workspace, out))
    expect(second.code).toBe(0)
    const listed = second.out.split('\n').filter((l) => l.startsWith('  '))
    expect(listed).toHaveLength(written.size)
    for (const l of listed) expect(l).toMatch(/^ {2}unchanged {2}\S/)
    expect(filesUnder(folder)).toEqual(written)
  }, 60_000)

  it('--commit commits exactly the folder inside a git repository and prints the sha', async () => {
    const env = hermeticGit()
    const workspace = await demoWorkspace()
    const repo = newHome()
    execFileSync('git', ['init', '-q', repo])
    const out = join(repo, 'evals')
    mkdirSync(out)
    const message = 'evals: baseline for ticket triage'
    const result = await runCli(exportArgs(workspace, out, '--commit', '--message', message), env)
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim()
    expect(result.out).toContain(`Committed ${head.slice(0, 12)}: ${message}`)
    const log = execFileSync('git', ['log', '--format=%an <%ae>%n%s'], { cwd: repo, encoding: 'utf8' })
    expect(log).toBe(`Eval Bot <bot@example.test>\n${message}\n`)
    const tracked = execFileSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' }).trim().split('\n')
    expect(tracked).toContain('evals/ticket-triage/manifest.json')
    expect(tracked.every((f) => f.startsWith('evals/ticket-triage/'))).toBe(true)

    const repeat = await runCli(exportArgs(workspace, out, '--commit'), env)
    expect(repeat.code).toBe(0)
    expect(repeat.out).toContain('Nothing to commit: the folder is as committed')
    expect(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim()).toBe(head)
  }, 60_000)

  it('--message without --commit is a usage error', async () => {
    const result = await runCli(exportArgs(newHome(), newHome(), '--message', 'why'))
    expect(result.code).toBe(3)
    expect(result.err).toContain('evallab export: --message needs --commit')
  })
})

describe('evallab import', () => {
  it('imports into a fresh workspace whose export is byte-identical; a second import changes nothing', async () => {
    const workspace = await demoWorkspace()
    const out = join(newHome(), 'evals')
    expect((await runCli(exportArgs(workspace, out))).code).toBe(0)
    const folder = join(out, 'ticket-triage')

    const fresh = join(newHome(), 'w2')
    const imported = await runCli(['import', folder, '--workspace', fresh])
    expect(imported.err).toBe('')
    expect(imported.code).toBe(0)
    expect(imported.out).toContain(`Imported "${demoPrompt}" into ${fresh}`)
    expect(imported.out).toMatch(/prompt versions added: 5/)
    expect(imported.out).toMatch(/sign-offs added: 1/)

    const again = join(newHome(), 'evals')
    expect((await runCli(exportArgs(fresh, again))).code).toBe(0)
    const original = filesUnder(folder)
    const roundTrip = filesUnder(join(again, 'ticket-triage'))
    expect([...roundTrip.keys()]).toEqual([...original.keys()])
    for (const [name, bytes] of original)
      expect({ name, same: roundTrip.get(name)?.equals(bytes) }).toEqual({ name, same: true })

    const repeat = await runCli(['import', folder, '--workspace', fresh])
    expect(repeat.code).toBe(0)
    expect(repeat.out).toContain(`${demoPrompt}: already in ${fresh}; nothing changed`)
  }, 60_000)
})

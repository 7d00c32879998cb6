import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BundleExport } from '../../../../shared/domain/bundles'
import { call, failure } from '../core-calls'
import { demoWithBaseline, type BaselineWorkspace } from './baseline-fixture'

let w: BaselineWorkspace
beforeAll(async () => {
  w = await demoWithBaseline()
}, 120_000)
afterAll(() => w.cleanup())

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim()

/** A new repository with one commit and a staged file that is not the export's business. */
function tempRepo(): string {
  const repo = join(w.out, 'repo')
  mkdirSync(repo)
  git(repo, 'init', '-q')
  git(repo, 'config', 'user.name', 'Test Bot')
  git(repo, 'config', 'user.email', 'bot@example.test')
  git(repo, 'config', 'commit.gpgsign', 'false')
  writeFileSync(join(repo, 'README.md'), 'team repo\n')
  git(repo, 'add', 'README.md')
  git(repo, 'commit', '-q', '-m', 'init')
  writeFileSync(join(repo, 'unrelated.txt'), 'staged elsewhere\n')
  git(repo, 'add', 'unrelated.txt')
  return repo
}

describe('bundles.export with commit', () => {
  it('commits exactly the prompt folder, and nothing when it is unchanged', async () => {
    const repo = tempRepo()
    const input = { promptId: w.prompt.prompt.id, folder: join(repo, 'evals'), commit: true }
    const first = await call<BundleExport>(w.core, 'bundles.export', input)
    expect(first.commit?.message).toBe('Eval Lab: baseline of Ticket triage')
    expect(first.commit?.sha).toBe(git(repo, 'rev-parse', 'HEAD'))
    const committed = git(repo, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()
    expect(committed).toHaveLength(9)
    expect(committed.every((p) => p.startsWith('evals/ticket-triage/'))).toBe(true)
    expect(git(repo, 'diff', '--cached', '--name-only')).toBe('unrelated.txt')

    const again = await call<BundleExport>(w.core, 'bundles.export', { ...input, commitMessage: 'again' })
    expect(again.commit).toBeNull()
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(first.commit?.sha)
  }, 30_000)

  it('refuses to commit outside a git repository, naming the folder', async () => {
    const folder = join(w.out, 'not-a-repo')
    const error = await failure(w.core, 'bundles.export', {
      promptId: w.prompt.prompt.id,
      folder,
      commit: true,
    })
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message: `${join(folder, 'ticket-triage')} is not inside a git repository`,
    })
  })
})

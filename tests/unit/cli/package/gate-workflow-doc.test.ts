import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { z } from 'zod'

// docs/evallab-gate.yml is copied into teams' repos as it is: it must install the CLI package of this very
// version (what scripts/pack-cli.mjs stamps on it), never clone and build the app.
const root = resolve(import.meta.dirname, '../../../..')
const read = (path: string): string => readFileSync(resolve(root, path), 'utf8')
const { version } = z.object({ version: z.string() }).parse(JSON.parse(read('package.json')))

const workflowSchema = z.object({
  jobs: z.object({
    gate: z.object({
      steps: z.array(z.object({ name: z.string().optional(), run: z.string().optional() })),
    }),
  }),
})

describe('docs/evallab-gate.yml installs the CLI package', () => {
  const steps = workflowSchema.parse(parse(read('docs/evallab-gate.yml'))).jobs.gate.steps
  const runs = steps.map((step) => step.run ?? '')

  it('by name at the root package.json version, the release tarball as the commented alternative', () => {
    const install = steps.find((step) => step.name === 'Install evallab')?.run ?? ''
    expect(install).toMatch(
      new RegExp(
        `^npm install --no-save --no-audit --no-fund @eval-lab/cli@${version.replace(/\./g, '\\.')}$`,
        'm',
      ),
    )
    expect(install).toMatch(new RegExp(`^# npm install .*/v${version}/eval-lab-cli-${version}\\.tgz$`, 'm'))
    expect(runs.join('\n')).not.toMatch(/git clone|npm ci|npm run build|npm link/)
  })

  it('then runs the installed evallab for verify and gate', () => {
    expect(runs.some((run) => /^evallab verify /m.test(run))).toBe(true)
    expect(runs.some((run) => /^\s*evallab gate /m.test(run))).toBe(true)
  })

  it('docs/baselines-and-ci.md gives the same install line', () => {
    expect(read('docs/baselines-and-ci.md')).toContain(`npm install --no-save @eval-lab/cli@${version}`)
  })
})

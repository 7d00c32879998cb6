import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  expandMatrix,
  loadWorkflow,
  npmScriptsIn,
  packageScripts,
  root,
  type Job,
  type Step,
  type Workflow,
} from './workflow-schema'

const files = ['test.yml', 'release.yml'] as const
const workflows = Object.fromEntries(files.map((f) => [f, loadWorkflow(f)])) as Record<
  (typeof files)[number],
  Workflow
>
const testWorkflow = workflows['test.yml']
const release = workflows['release.yml']

function job(workflow: Workflow, id: string): Job {
  const found = workflow.jobs[id]
  if (!found) throw new Error(`no job ${id}; jobs: ${Object.keys(workflow.jobs).join(', ')}`)
  return found
}

const runs = (j: Job): string[] => j.steps.flatMap((s) => (s.run === undefined ? [] : [s.run]))
const uploads = (j: Job): Step[] => j.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@'))
const indexOfRun = (j: Job, run: string): number => j.steps.findIndex((s) => s.run === run)
const ciRunLines = readFileSync(join(root, '.ci/run'), 'utf8')
  .split('\n')
  .map((line) => line.trim())

/** The installers matrix's OS → the platform flag `npm run dist` takes there. */
const distFlags: Record<string, string> = {
  'macos-latest': '--mac',
  'windows-latest': '--win',
  'ubuntu-latest': '--linux',
}
const smokeCommand = 'npx playwright test --project packaged-app'
const signingSecrets = [
  'CSC_LINK',
  'CSC_KEY_PASSWORD',
  'APPLE_ID',
  'APPLE_APP_SPECIFIC_PASSWORD',
  'APPLE_TEAM_ID',
  'WIN_CSC_LINK',
  'WIN_CSC_KEY_PASSWORD',
]

/**
 * Whether a step runs on a matrix OS. Only the literal conditions the installers job uses are known; any other
 * fails here (evaluating GitHub's expression language in general is GitHub's job, not this test's).
 */
function runsOn(step: Step, os: string): boolean {
  const linux = os.startsWith('ubuntu-')
  if (step.if === undefined) return true
  if (step.if === "runner.os == 'Linux'") return linux
  if (step.if === "runner.os != 'Linux'") return !linux
  if (step.if === 'failure()') return false
  throw new Error(`unknown step condition in the installers job: ${step.if}`)
}

describe('the GitHub workflows (.github/workflows)', () => {
  it.each(files)('%s parses and names its jobs', (file) => {
    expect(Object.keys(workflows[file].jobs).length).toBeGreaterThan(0)
  })

  it.each(files)('%s needs only jobs it defines', (file) => {
    const ids = Object.keys(workflows[file].jobs)
    const needed = Object.values(workflows[file].jobs).flatMap((j) => j.needs ?? [])
    expect(needed.filter((id) => !ids.includes(id))).toEqual([])
  })

  it.each(files)('%s pins every action to a major version or a commit', (file) => {
    const used = Object.values(workflows[file].jobs).flatMap((j) => j.steps.flatMap((s) => s.uses ?? []))
    expect(used.length).toBeGreaterThan(0)
    expect(used.filter((u) => !/^[\w.-]+\/[\w.-]+@(v\d+|[0-9a-f]{40})$/.test(u))).toEqual([])
  })

  it('runs only npm scripts package.json defines (.ci/run included)', () => {
    // `dist` (scripts/package-app.mjs) and `pack:cli` (scripts/pack-cli.mjs) arrive with their own branches of
    // issue 23: on a branch without them this lists them.
    const scripts = packageScripts()
    const called = [
      ...Object.values(workflows).flatMap((w) => Object.values(w.jobs).flatMap(runs)),
      ...ciRunLines,
    ].flatMap(npmScriptsIn)
    expect(called).toEqual(expect.arrayContaining(['test', 'build', 'dist', 'pack:cli']))
    expect([...new Set(called)].filter((name) => scripts[name] === undefined)).toEqual([])
  })

  it('gives write access only to the job that creates the release', () => {
    for (const w of Object.values(workflows)) expect(w.permissions).toEqual({ contents: 'read' })
    const writers = Object.entries(release.jobs).filter(([, j]) =>
      Object.values(j.permissions ?? {}).includes('write'),
    )
    expect(writers.map(([id, j]) => [id, j.permissions])).toEqual([['release', { contents: 'write' }]])
  })
})

describe('test.yml', () => {
  const test = job(testWorkflow, 'test')

  it('runs on pushes and pull requests to main', () => {
    expect(testWorkflow.on).toEqual({ push: { branches: ['main'] }, pull_request: { branches: ['main'] } })
  })

  it('runs .ci/run on Linux in a Debian container with Node 20, caching npm downloads', () => {
    expect(test['runs-on']).toBe('ubuntu-latest')
    expect(test.container?.image).toMatch(/^node:20(\.\d+)*-bookworm$/)
    expect(runs(test)).toEqual(['.ci/run'])
    expect(test.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({
      cache: 'npm',
    })
  })

  it(".ci/run installs from the lockfile, installs Chromium, then runs the README's test command", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    expect(readme).toMatch(/^npm test\s/m)
    const commands = ciRunLines.filter((line) => line.startsWith('npm ') || line.startsWith('node '))
    expect(commands).toEqual(['npm ci --no-audit --no-fund', 'node scripts/ensure-chromium.mjs', 'npm test'])
  })

  it('uploads the Playwright traces and test results when the tests fail', () => {
    expect(uploads(test)).toEqual([expect.objectContaining({ if: 'failure()' })])
    expect(uploads(test)[0]?.with).toMatchObject({ path: 'test-results/' })
  })
})

describe('release.yml', () => {
  const installers = job(release, 'installers')
  const entries = installers.strategy?.matrix.include ?? []
  const dist = installers.steps.find((s) => s.run?.startsWith('npm run dist'))
  const smokeSteps = installers.steps.filter((s) => s.run?.includes(smokeCommand))

  it('runs on version tags and by hand', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] }, workflow_dispatch: null })
  })

  it('builds installers on macOS, Windows and Linux runners, each with its dist command', () => {
    expect(installers['runs-on']).toBe('${{ matrix.os }}')
    expect(entries.map((e) => e.os).sort()).toEqual(Object.keys(distFlags).sort())
    const commands = entries.map((e) => [e.os, expandMatrix(dist?.run ?? '', e)])
    expect(commands).toEqual(entries.map((e) => [e.os, `npm run dist -- ${distFlags[e.os ?? '']}`]))
    const order = ['npm ci --no-audit --no-fund', 'npm run build', dist?.run ?? ''].map((r) =>
      indexOfRun(installers, r),
    )
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true)
  })

  it('passes the signing secrets to the dist step only, and absent ones as empty values', () => {
    expect(dist?.env).toEqual(
      Object.fromEntries(signingSecrets.map((name) => [name, `\${{ secrets.${name} }}`])),
    )
    const others = Object.values(release.jobs).flatMap((j) => j.steps.filter((s) => s !== dist))
    const leaking = others.filter((s) =>
      signingSecrets.some((name) => JSON.stringify(s).includes(`secrets.${name}`)),
    )
    expect(leaking).toEqual([])
  })

  it('smoke-tests every packaged app after building it, requiring the app, under xvfb on Linux', () => {
    for (const step of smokeSteps) expect(step.env).toEqual({ EVALLAB_REQUIRE_PACKAGED_APP: '1' })
    for (const { os = '' } of entries) {
      const applying = smokeSteps.filter((s) => runsOn(s, os))
      const expected = os.startsWith('ubuntu-') ? `xvfb-run -a ${smokeCommand}` : smokeCommand
      expect(
        applying.map((s) => s.run),
        os,
      ).toEqual([expected])
      expect(installers.steps.indexOf(applying[0] as Step)).toBeGreaterThan(
        installers.steps.indexOf(dist as Step),
      )
    }
    const linuxSetup = installers.steps.filter(
      (s) => runsOn(s, 'ubuntu-latest') && s.run?.includes('apt-get'),
    )
    expect(linuxSetup.map((s) => s.run).join('\n')).toMatch(/apt-get install .*\bxvfb\b/)
  })

  it('uploads every installer as an artifact per OS', () => {
    const always = uploads(installers).filter((s) => s.if === undefined)
    expect(always).toHaveLength(1)
    const paths = String(always[0]?.with?.path).split('\n')
    for (const pattern of ['dist/*.dmg', 'dist/*.exe', 'dist/*.AppImage', 'dist/*.deb'])
      expect(paths).toContain(pattern)
    // The NSIS uninstaller electron-builder writes beside the installer is inside it already.
    expect(paths).toContain('!dist/*__uninstaller.exe')
    expect(always[0]?.with).toMatchObject({
      name: expect.stringContaining('${{ matrix.'),
      'if-no-files-found': 'error',
    })
  })

  it('packs the CLI on Linux and uploads the tarball', () => {
    const cli = job(release, 'cli')
    expect(cli['runs-on']).toBe('ubuntu-latest')
    expect(runs(cli)).toContain('npm run pack:cli')
    expect(uploads(cli).map((s) => s.with?.path)).toEqual(['dist/eval-lab-cli-*.tgz'])
  })

  it('releases on a tag only, after every installer and the CLI, and publishes to npm only with a token', () => {
    const tagOnly = "startsWith(github.ref, 'refs/tags/v')"
    expect(job(release, 'release')).toMatchObject({ if: tagOnly, needs: ['installers', 'cli'] })
    const publish = job(release, 'publish-cli')
    expect(publish).toMatchObject({ if: tagOnly, needs: ['release'] })
    const step = publish.steps.find((s) => s.run?.includes('npm publish'))
    expect(step?.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' })
    expect(step?.run).toMatch(
      /if \[ -z "\$NODE_AUTH_TOKEN" \]; then\s+echo "NPM_TOKEN is not set: skipping[^"]*"\s+exit 0/,
    )
  })
})

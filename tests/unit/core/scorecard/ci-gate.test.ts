import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sha256Ref } from '../../../../electron/main/core/bundles/hash'
import type { BundleExport } from '../../../../shared/domain/bundles'
import type { CiStatusFile } from '../../../../shared/domain/scorecard'
import { demoWithBaseline, type BaselineWorkspace } from '../bundles/baseline-fixture'
import { call, failure } from '../core-calls'
import { assessed } from './helpers'

let w: BaselineWorkspace | null = null
afterEach(() => {
  w?.cleanup()
  w = null
})

const exportFolder = (b: BaselineWorkspace) =>
  call<BundleExport>(b.core, 'bundles.export', { promptId: b.prompt.prompt.id, folder: b.out })

function statusOf(folder: string, patch: Partial<CiStatusFile> = {}): CiStatusFile {
  return {
    format: 'evallab.ci-status',
    version: 1,
    command: 'gate',
    outcome: 'pass',
    promptName: 'Ticket triage',
    manifestSha256: sha256Ref(readFileSync(join(folder, 'manifest.json'), 'utf8')),
    checkedAt: '2026-11-02T09:30:00.000Z',
    ciRunUrl: 'https://github.com/acme/support-bot/actions/runs/42',
    commitSha: '0a1b2c3',
    ...patch,
  }
}

describe('"Eval runs gate every change in CI" is met only by a recorded gate or verify of the export', () => {
  it('is not met for an exported folder never gated, and met once its CI status file is recorded', async () => {
    w = await demoWithBaseline()
    const b = w
    expect(await assessed(b.core, 'Ticket triage', 'ci_gate')).toMatchObject({
      met: false,
      evidence: '4 gate rules and a baseline, never exported for CI',
      link: expect.stringMatching(/\/baseline$/),
    })
    const { folder } = await exportFolder(b)
    expect(await assessed(b.core, 'Ticket triage', 'ci_gate')).toMatchObject({
      met: false,
      evidence: `Exported 2026-11-01 to ${folder}; no gate or verify of that folder recorded`,
      nextStep:
        'Run `evallab gate <folder>` in CI on every change (record its --ci-status file here), or gate it where this workspace is (--record-in)',
      link: '#/scorecard',
    })

    const file = join(b.out, 'ci-status.json')
    writeFileSync(file, JSON.stringify(statusOf(folder)))
    expect(await call(b.core, 'scorecard.recordCiStatus', { file })).toMatchObject({
      promptName: 'Ticket triage',
      recorded: true,
    })
    // The same file twice is one check.
    expect(await call(b.core, 'scorecard.recordCiStatus', { file })).toMatchObject({ recorded: false })
    expect(await assessed(b.core, 'Ticket triage', 'ci_gate')).toMatchObject({
      met: true,
      evidence: `Exported 2026-11-01 to ${folder}; gated 1 time by the CLI, latest gate 2026-11-02 in CI (https://github.com/acme/support-bot/actions/runs/42): pass`,
      nextStep: '',
    })

    // A new export (a sign-off changes signoffs.json, so the manifest) has not been gated yet.
    const slice = {
      promptVersionId: b.prompt.versions.find((v) => v.number === 4)?.id,
      provider: 'demo',
      modelId: 'triage-sim-2026-03',
    }
    await call(b.core, 'signoffs.create', {
      ...{ promptId: b.prompt.prompt.id, runId: b.runId, slice },
      ...{ name: 'Priya Shah', role: 'PM' },
    })
    await exportFolder(b)
    expect(await assessed(b.core, 'Ticket triage', 'ci_gate')).toMatchObject({
      met: false,
      evidence: expect.stringMatching(
        /; no gate or verify of that folder recorded \(an earlier export was gated 2026-11-02\)$/,
      ),
    })
    // A verify that refused the folder is no gate either.
    const refused = statusOf(folder, {
      command: 'verify',
      outcome: 'invalid',
      checkedAt: '2026-11-03T08:00:00.000Z',
    })
    await call(b.core, 'scorecard.recordCheck', { status: refused, source: 'cli' })
    expect(await assessed(b.core, 'Ticket triage', 'ci_gate')).toMatchObject({
      met: false,
      evidence: expect.stringMatching(/; verified 1 time by the CLI, latest verify 2026-11-03: invalid$/),
      nextStep: 'Fix the folder the CLI refused (see the CI log), export it again and gate it',
    })
  }, 60_000)

  it('refuses a status file of a folder this workspace never exported, or one that is not a status file', async () => {
    w = await demoWithBaseline()
    const b = w
    const { folder } = await exportFolder(b)
    const foreign = join(b.out, 'foreign.json')
    writeFileSync(foreign, JSON.stringify(statusOf(folder, { manifestSha256: `sha256:${'a'.repeat(64)}` })))
    expect(await failure(b.core, 'scorecard.recordCiStatus', { file: foreign })).toMatchObject({
      code: 'NOT_FOUND',
      message:
        'This workspace never exported the folder of "Ticket triage" that was gated (manifest sha256:aaaaaaaaaaaa…): record it in the workspace it was exported from, or export the folder again and gate the new export',
    })
    const notJson = join(b.out, 'not.json')
    writeFileSync(notJson, 'Gate PASS')
    expect(await failure(b.core, 'scorecard.recordCiStatus', { file: notJson })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(
        /^.*not\.json: not valid JSON \(.*\); give the file evallab --ci-status wrote$/,
      ),
    })
    const wrong = join(b.out, 'wrong.json')
    writeFileSync(wrong, JSON.stringify({ ...statusOf(folder), outcome: 'green' }))
    expect(await failure(b.core, 'scorecard.recordCiStatus', { file: wrong })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/wrong\.json: outcome: .* — not an evallab\.ci-status file$/),
    })
    expect(
      await failure(b.core, 'scorecard.recordCiStatus', { file: join(b.out, 'missing.json') }),
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining(
        'missing.json: no such file; give the path of the CI status file the workflow wrote',
      ),
    })
    expect((await assessed(b.core, 'Ticket triage', 'ci_gate')).met).toBe(false)
  }, 60_000)
})

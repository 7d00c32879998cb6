import { createPublicKey, verify } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import { createCoreContext, type CoreContext } from '../../../../electron/main/core/context'
import { buildBundle } from '../../../../electron/main/core/bundles/build'
import { bundlePaths, signedPaths, signoffStatement } from '../../../../electron/main/core/bundles/format'
import { fileHashes, sha256Ref } from '../../../../electron/main/core/bundles/hash'
import { verifyBundle } from '../../../../electron/main/core/bundles/verify'
import { openConnection } from '../../../../electron/main/core/db/connection'
import { publicKeyFileSchema, type Signoff, type SigningKey } from '../../../../shared/domain/bundles'
import type { Baseline, EvalSuite } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, failure } from '../core-calls'
import { quickDemoCore, runSlice, sim03, triage } from '../scoring/gates/demo-runs'

const newHome = useTempHomes()

/** A second connection to the workspace, to build the export exactly as bundles.export would. */
function inspect(home: string): { ctx: CoreContext; close: () => void } {
  const db = openConnection(join(home, 'evallab.db'))
  const ctx = createCoreContext(db, { user: 'inspector', now: () => new Date().toISOString() })
  return { ctx, close: () => db.close() }
}

/** v4 × sim-03 of the demo, run to the end and scored. */
async function scoredBaselineRun(core: Core) {
  const t = await triage(core)
  const { run, slice } = await runSlice(core, t, 4, sim03)
  expect(run.status).toBe('completed')
  await call(core, 'runs.score', { runId: run.id })
  return { t, run, slice }
}

function signatureVerifies(promptName: string, s: Signoff): boolean {
  if (!s.signature) return false
  const statement = signoffStatement(promptName, s)
  const key = createPublicKey({
    key: Buffer.from(s.signature.publicKey, 'base64'),
    format: 'der',
    type: 'spki',
  })
  return verify(null, statement, key, Buffer.from(s.signature.value, 'base64'))
}

describe('signoffs', () => {
  it('signs off a run slice as the baseline, unsigned and signed, over the export’s exact hashes', async () => {
    const home = newHome()
    const core = quickDemoCore(home)
    const { t, run, slice } = await scoredBaselineRun(core)
    const input = { promptId: t.promptId, runId: run.id, slice, role: 'PM' }

    const unsigned = await call<Signoff>(core, 'signoffs.create', { ...input, name: 'Ana Ruiz' })
    const [baseline] = await call<Baseline[]>(core, 'baselines.list', { promptId: t.promptId })
    expect(baseline).toMatchObject({ runId: run.id, slice, note: 'Signed off by Ana Ruiz (PM)' })
    const { ctx, close } = inspect(home)
    const bundle = buildBundle(ctx, t.promptId)
    close()
    expect(unsigned).toMatchObject({
      promptId: t.promptId,
      datasetSnapshotId: run.datasetSnapshotId,
      runId: run.id,
      slice,
      name: 'Ana Ruiz',
      role: 'PM',
      comment: '',
      signature: null,
      current: true,
      runContentHash: sha256Ref(bundle.files.get(bundlePaths.results) ?? ''),
      files: fileHashes(bundle.files, signedPaths),
    })

    const key = await call<SigningKey>(core, 'signingKeys.create', { owner: 'Priya Shah' })
    const signed = await call<Signoff>(core, 'signoffs.create', {
      ...input,
      name: 'Priya Shah',
      role: 'Reviewer',
      comment: '  Looks right to me  ',
      keyId: key.keyId,
    })
    expect(signed).toMatchObject({ comment: 'Looks right to me', runContentHash: unsigned.runContentHash })
    expect(signed.signature).toMatchObject({
      algorithm: 'ed25519',
      keyId: key.keyId,
      publicKey: key.publicKey,
    })
    expect(signatureVerifies('Ticket triage', signed)).toBe(true)
    expect(signatureVerifies('Ticket triage', { ...signed, comment: 'changed' })).toBe(false)

    const listed = await call<Signoff[]>(core, 'signoffs.list', { promptId: t.promptId })
    expect(listed).toEqual([signed, unsigned])

    // The exported folder carries both sign-offs, and `verify` accepts the signature with the public key file.
    const publicKey = await call<{ content: string }>(core, 'signingKeys.exportPublic', { keyId: key.keyId })
    const exported = inspect(home)
    const report = verifyBundle('ticket-triage', buildBundle(exported.ctx, t.promptId).files, [
      publicKey.content,
    ])
    exported.close()
    expect(report).toMatchObject({ ok: true, problems: [], validSignatures: 1 })
    expect(report.signoffs.map((c) => c.status).sort()).toEqual(['unsigned', 'valid'])
    core.close()

    // The second sign-off found the baseline already set: one baseline.set, two sign-offs in the audit log.
    const db = openConnection(join(home, 'evallab.db'), { readonly: true })
    const actions = db
      .prepare<[], { action: string }>(
        "SELECT action FROM audit_log WHERE action LIKE 'baseline.%' ORDER BY id",
      )
      .all()
      .map((r) => r.action)
    db.close()
    expect(actions).toEqual(['baseline.set', 'baseline.signed_off', 'baseline.signed_off'])
  })

  it('refuses a key of another owner, and an unknown key', async () => {
    const core = quickDemoCore(newHome())
    const { t, run, slice } = await scoredBaselineRun(core)
    const key = await call<SigningKey>(core, 'signingKeys.create', { owner: 'Priya Shah' })
    const input = { promptId: t.promptId, runId: run.id, slice, name: 'Ana Ruiz', role: 'PM' }
    expect(await failure(core, 'signoffs.create', { ...input, keyId: key.keyId })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(new RegExp(`^The key ${key.keyId} belongs to Priya Shah`)) as unknown,
    })
    const unknown = await failure(core, 'signoffs.create', { ...input, keyId: '0123456789abcdef' })
    expect(unknown.code).toBe('NOT_FOUND')
    // Nothing was written by the refused calls.
    expect(await call<Baseline[]>(core, 'baselines.list', { promptId: t.promptId })).toEqual([])
    expect(await call<Signoff[]>(core, 'signoffs.list', { promptId: t.promptId })).toEqual([])
    core.close()
  })

  it('marks a sign-off not current once re-scoring changes the baseline’s results', async () => {
    const core = quickDemoCore(newHome())
    const { t, run, slice } = await scoredBaselineRun(core)
    const input = { promptId: t.promptId, runId: run.id, slice, name: 'Ana Ruiz', role: 'PM' }
    const first = await call<Signoff>(core, 'signoffs.create', input)
    expect((await call<Signoff[]>(core, 'signoffs.list', { promptId: t.promptId }))[0]?.current).toBe(true)

    const suite = await call<EvalSuite>(core, 'suites.get', { promptId: t.promptId })
    await call(core, 'suites.save', {
      promptId: t.promptId,
      suite: {
        scorers: [
          ...suite.scorers,
          {
            metric: 'rule.not_empty',
            label: 'Not empty',
            config: { kind: 'rule', rule: { op: 'regex', path: '', pattern: '\\S' } },
          },
        ],
        gates: suite.gates,
      },
      message: 'A rule that the output is not empty',
    })
    await call(core, 'runs.score', { runId: run.id })
    const afterRescore = await call<Signoff[]>(core, 'signoffs.list', { promptId: t.promptId })
    expect(afterRescore).toEqual([{ ...first, current: false }])

    const again = await call<Signoff>(core, 'signoffs.create', input)
    expect(again.runContentHash).not.toBe(first.runContentHash)
    const listed = await call<Signoff[]>(core, 'signoffs.list', { promptId: t.promptId })
    expect(listed.map((s) => [s.id, s.current])).toEqual([
      [again.id, true],
      [first.id, false],
    ])
    core.close()
  })

  it('lists, exports and deletes signing keys without ever returning a private key', async () => {
    const core = quickDemoCore(newHome())
    const key = await call<SigningKey>(core, 'signingKeys.create', { owner: '  Priya Shah ' })
    expect(key).toMatchObject({ owner: 'Priya Shah', storage: 'session' })
    expect(await call<SigningKey[]>(core, 'signingKeys.list', {})).toEqual([key])
    const exported = await call<{ fileName: string; content: string }>(core, 'signingKeys.exportPublic', {
      keyId: key.keyId,
    })
    expect(exported.fileName).toBe(`priya-shah-${key.keyId}.pub.json`)
    expect(publicKeyFileSchema.parse(JSON.parse(exported.content))).toEqual({
      format: 'evallab.public-key',
      version: 1,
      algorithm: 'ed25519',
      keyId: key.keyId,
      owner: 'Priya Shah',
      publicKey: key.publicKey,
    })
    expect(exported.content.endsWith('}\n')).toBe(true)
    expect(await call(core, 'signingKeys.delete', { keyId: key.keyId })).toEqual({ deleted: true })
    expect(await call(core, 'signingKeys.delete', { keyId: key.keyId })).toEqual({ deleted: false })
    expect((await failure(core, 'signingKeys.exportPublic', { keyId: key.keyId })).code).toBe('NOT_FOUND')
    core.close()
  })
})

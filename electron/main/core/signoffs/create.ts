import { AppError } from '../../../../shared/contract'
import type { Signature, Signoff, SigningKey } from '../../../../shared/domain/bundles'
import type { SliceKey } from '../../../../shared/domain/scoring'
import type { CoreContext } from '../context'
import { signoffStatement } from '../bundles/format'
import type { SignoffRecord } from '../db/repos/signoffs'
import { newId } from '../ids'
import { requirePrompt, requireVersion } from '../prompts/detail'
import { setBaseline } from '../scoring/gates/baselines'
import { requireCompleted, requireRun, requireSliceInRun, sameSlice } from '../scoring/gates/slice'
import type { SigningKeyStore } from '../signing/types'
import { baselineContent } from './content'

export interface SignoffInput {
  promptId: string
  runId: string
  slice: SliceKey
  name: string
  role: string
  comment: string
  keyId: string | null
}

/**
 * Signs off a run slice as the prompt's baseline. Runs inside the caller's write transaction: it sets the
 * baseline when needed, builds the export to learn the exact hashes, signs synchronously and inserts.
 */
export function createSignoff(ctx: CoreContext, keys: SigningKeyStore, input: SignoffInput): Signoff {
  const key = input.keyId === null ? null : requireOwnKey(keys, input.keyId, input.name)
  const prompt = requirePrompt(ctx.repos, input.promptId)
  const version = requireVersion(ctx.repos, prompt, input.slice.promptVersionId)
  const run = requireRun(ctx, input.runId)
  requireSliceInRun(ctx, run, input.slice, version.number)
  requireCompleted(run)
  if (!isLatestBaseline(ctx, prompt.id, run.id, input.slice)) {
    setBaseline(ctx, { promptId: prompt.id, runId: run.id, slice: input.slice, note: baselineNote(input) })
  }
  const content = baselineContent(ctx, prompt.id)
  const entry = {
    name: input.name,
    role: input.role,
    signedAt: ctx.now(),
    comment: input.comment,
    runContentHash: content.runContentHash,
    files: content.files,
  }
  const signature = key ? signStatement(keys, key, signoffStatement(content.promptName, entry)) : null
  const record: SignoffRecord = {
    id: newId('so'),
    promptId: prompt.id,
    datasetSnapshotId: run.datasetSnapshotId,
    runId: run.id,
    slice: input.slice,
    ...entry,
    signature,
  }
  if (!ctx.repos.signoffs.insert(record)) {
    throw new AppError('CONFLICT', `${input.name} already signed off this baseline as ${input.role} just now`)
  }
  audit(ctx, record, version.number)
  return { ...record, current: true }
}

/** A signature must be its signer's: the key's owner is the name the sign-off records. */
function requireOwnKey(keys: SigningKeyStore, keyId: string, name: string): SigningKey {
  const key = keys.list().find((k) => k.keyId === keyId)
  if (!key) throw new AppError('NOT_FOUND', `No signing key ${keyId} on this computer`)
  if (key.owner !== name) {
    throw new AppError('INVALID_INPUT', `The key ${keyId} belongs to ${key.owner}, not ${name}`)
  }
  return key
}

/**
 * The export takes the most recently set baseline, so the slice must be that one, not merely the baseline
 * of its own snapshot: otherwise the signed hashes would be another run's.
 */
function isLatestBaseline(ctx: CoreContext, promptId: string, runId: string, slice: SliceKey): boolean {
  const latest = ctx.repos.baselines.forPrompt(promptId)[0]
  return latest !== undefined && latest.runId === runId && sameSlice(latest.slice, slice)
}

function baselineNote(input: SignoffInput): string {
  return `Signed off by ${input.name} (${input.role})`
}

function signStatement(keys: SigningKeyStore, key: SigningKey, statement: Buffer): Signature {
  return {
    algorithm: 'ed25519',
    keyId: key.keyId,
    publicKey: key.publicKey,
    value: keys.sign(key.keyId, statement).toString('base64'),
  }
}

function audit(ctx: CoreContext, record: SignoffRecord, versionNumber: number): void {
  ctx.repos.audit.append({
    at: record.signedAt,
    actor: ctx.user,
    action: 'baseline.signed_off',
    entityType: 'prompt',
    entityId: record.promptId,
    details: {
      signoffId: record.id,
      runId: record.runId,
      slice: record.slice,
      versionNumber,
      name: record.name,
      role: record.role,
      runContentHash: record.runContentHash,
      keyId: record.signature?.keyId ?? null,
    },
  })
}

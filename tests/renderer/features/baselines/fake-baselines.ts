import type { MemoryHandlers } from '../../../../renderer/src/api'
import { AppError } from '../../../../shared/contract'
import type {
  BundleExport,
  BundleExportRecord,
  SigningKey,
  Signoff,
  VerifyReport,
} from '../../../../shared/domain/bundles'
import type { FakeCoreState } from '../../fixtures/fake-core'

/** What the fake core keeps for keys, sign-offs and exports; verify answers with `verifyReport`. */
export interface FakeBaselinesState {
  keys: SigningKey[]
  signoffs: Signoff[]
  exports: BundleExportRecord[]
  verifyReport: VerifyReport | null
  /** Files the last export wrote; a second export of the same prompt reports them unchanged. */
  exported: Set<string>
  tick: number
}

export function emptyBaselines(): FakeBaselinesState {
  return { keys: [], signoffs: [], exports: [], verifyReport: null, exported: new Set(), tick: 0 }
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0')
const at = (tick: number) => `2025-03-01T10:00:${String(tick).padStart(2, '0')}.000Z`
export const contentHash = `sha256:${'ab'.repeat(32)}`

export const bundlePaths = [
  'prompt.json',
  'dataset.jsonl',
  'rubric.json',
  'gates.json',
  'baseline/results.jsonl',
  'baseline/summary.md',
  'signoffs.json',
  'manifest.json',
]

/** keys, sign-offs and baseline folders over the fake core's runs and baselines. */
export function baselineHandlers(core: FakeCoreState, b: FakeBaselinesState): MemoryHandlers {
  const findKey = (keyId: string) => {
    const key = b.keys.find((k) => k.keyId === keyId)
    if (!key) throw new AppError('NOT_FOUND', `No signing key ${keyId}`)
    return key
  }
  return {
    'signingKeys.list': () => b.keys,
    'signingKeys.create': ({ owner }) => {
      b.tick += 1
      const key: SigningKey = {
        keyId: hex(b.tick, 16),
        owner,
        createdAt: at(b.tick),
        publicKey: `MCowBQYDK2VwAyEA${b.tick}`,
        storage: 'session',
      }
      b.keys.push(key)
      return key
    },
    'signingKeys.exportPublic': ({ keyId }) => {
      const key = findKey(keyId)
      return { fileName: `${key.owner}.public-key.json`, content: JSON.stringify({ keyId }) }
    },
    'signingKeys.delete': ({ keyId }) => {
      b.keys = b.keys.filter((k) => k.keyId !== findKey(keyId).keyId)
      return { deleted: true }
    },
    'signoffs.create': (input) => {
      const key = input.keyId ? findKey(input.keyId) : null
      if (key && key.owner !== input.name) {
        throw new AppError(
          'INVALID_INPUT',
          `keyId: key ${key.keyId} belongs to ${key.owner}, not ${input.name}`,
        )
      }
      const run = core.runs?.find((r) => r.id === input.runId)
      if (!run) throw new AppError('NOT_FOUND', `No run ${input.runId}`)
      b.tick += 1
      const signoff: Signoff = {
        id: `so-${b.tick}`,
        promptId: input.promptId,
        datasetSnapshotId: run.datasetSnapshotId,
        runId: input.runId,
        slice: input.slice,
        name: input.name,
        role: input.role,
        comment: input.comment,
        signedAt: at(b.tick),
        runContentHash: contentHash,
        files: { 'baseline/results.jsonl': contentHash },
        signature: key
          ? { algorithm: 'ed25519', keyId: key.keyId, publicKey: key.publicKey, value: 'c2lnbmF0dXJl' }
          : null,
        current: true,
      }
      b.signoffs = [signoff, ...b.signoffs.map((s) => ({ ...s, current: false }))]
      return signoff
    },
    'signoffs.list': ({ promptId }) => b.signoffs.filter((s) => s.promptId === promptId),
    'bundles.export': ({ promptId, folder, commit, commitMessage }) => {
      const root = `${folder.replace(/\/$/, '')}/${promptId}`
      const files = bundlePaths.map((path) => ({
        path,
        sha256: hex(path.length, 64),
        bytes: path.length,
        changed: !b.exported.has(`${root}/${path}`),
      }))
      files.forEach((f) => b.exported.add(`${root}/${f.path}`))
      b.tick += 1
      const result: BundleExport = {
        folder: root,
        files,
        commit: commit ? { sha: 'c0ffee'.padEnd(40, '0'), message: commitMessage || 'Baseline' } : null,
      }
      b.exports.unshift({
        promptId,
        folder: root,
        exportedAt: at(b.tick),
        exportedBy: 'ana',
        manifestSha256: `sha256:${hex(b.tick, 64)}`,
        commitSha: result.commit?.sha ?? null,
      })
      return result
    },
    'bundles.exports': ({ promptId }) => b.exports.filter((e) => e.promptId === promptId),
    'bundles.verify': ({ folder }) => {
      if (!b.verifyReport) throw new AppError('NOT_FOUND', `${folder}: manifest.json: no such file`)
      return { ...b.verifyReport, folder }
    },
    'bundles.import': ({ folder }) => ({
      promptId: 'p-triage',
      promptName: 'Ticket triage',
      versionsAdded: folder.includes('again') ? 0 : 2,
      datasetId: 'ds-golden',
      datasetSnapshotId: 'snap-1',
      runId: 'r1',
      signoffsAdded: folder.includes('again') ? 0 : 1,
      unchanged: folder.includes('again'),
    }),
  }
}

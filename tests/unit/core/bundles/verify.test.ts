import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBundleFiles } from '../../../../electron/main/core/bundles/folder'
import {
  manifestFileSchema,
  signedPaths,
  signoffStatement,
  type SignoffEntry,
} from '../../../../electron/main/core/bundles/format'
import { fileHashes, sha256Ref } from '../../../../electron/main/core/bundles/hash'
import { parseAllowedSigners } from '../../../../electron/main/core/bundles/signers'
import { verifyBundle } from '../../../../electron/main/core/bundles/verify'
import type { BundleExport, PublicKeyFile, VerifyReport } from '../../../../shared/domain/bundles'
import { canonicalJsonPretty } from '../../../../shared/lib/canonical-json'
import { call, failure } from '../core-calls'
import { demoWithBaseline, type BaselineWorkspace } from './baseline-fixture'

let w: BaselineWorkspace
let n = 0
beforeAll(async () => {
  w = await demoWithBaseline()
}, 120_000)
afterAll(() => w.cleanup())

/** A fresh export of the demo baseline: the prompt folder. */
async function freshFolder(): Promise<string> {
  const folder = join(w.out, `v${++n}`)
  const result = await call<BundleExport>(w.core, 'bundles.export', { promptId: w.prompt.prompt.id, folder })
  return result.folder
}

const verify = (folder: string, allowedSigners: string[] = []) =>
  call<VerifyReport>(w.core, 'bundles.verify', { folder, allowedSigners })

interface TestKey {
  keyId: string
  publicKey: string
  privateKey: KeyObject
  file: string
}

function testKey(owner: string): TestKey {
  const pair = generateKeyPairSync('ed25519')
  const der = pair.publicKey.export({ type: 'spki', format: 'der' })
  const keyId = createHash('sha256')
    .update(der.subarray(der.length - 32))
    .digest('hex')
    .slice(0, 16)
  const publicKey = der.toString('base64')
  const file: PublicKeyFile = {
    format: 'evallab.public-key',
    version: 1,
    algorithm: 'ed25519',
    keyId,
    owner,
    publicKey,
  }
  return { keyId, publicKey, privateKey: pair.privateKey, file: JSON.stringify(file) }
}

/** Adds a sign-off to signoffs.json by hand (signed over the current files) and re-hashes the manifest. */
function signOff(folder: string, key: TestKey, name: string, tamper?: Partial<SignoffEntry>): void {
  const files = readBundleFiles(folder).files
  const unsigned = {
    name,
    role: 'PM',
    signedAt: '2026-11-02T09:00:00.000Z',
    comment: 'Looks right',
    runContentHash: sha256Ref(files.get('baseline/results.jsonl') ?? ''),
    files: fileHashes(files, signedPaths),
  }
  const value = sign(null, signoffStatement('Ticket triage', unsigned), key.privateKey).toString('base64')
  const entry: SignoffEntry = {
    ...unsigned,
    ...tamper,
    signature: { algorithm: 'ed25519', keyId: key.keyId, publicKey: key.publicKey, value },
  }
  const signoffs = canonicalJsonPretty({ format: 'evallab.signoffs', version: 1, signoffs: [entry] })
  writeFileSync(join(folder, 'signoffs.json'), signoffs)
  const manifestPath = join(folder, 'manifest.json')
  const manifest = manifestFileSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')))
  manifest.files['signoffs.json'] = sha256Ref(signoffs)
  writeFileSync(manifestPath, canonicalJsonPretty(manifest))
}

describe('bundles.verify', () => {
  it('accepts a folder as exported', async () => {
    const report = await verify(await freshFolder())
    expect(report).toMatchObject({ ok: true, problems: [], signoffs: [], validSignatures: 0 })
  })

  it('names baseline/results.jsonl when one byte of it changes', async () => {
    const folder = await freshFolder()
    const path = join(folder, 'baseline/results.jsonl')
    const bytes = readFileSync(path)
    const at = bytes.indexOf('"attempts":1') + '"attempts":'.length
    bytes[at] = '2'.charCodeAt(0)
    writeFileSync(path, bytes)
    const report = await verify(folder)
    expect(report.ok).toBe(false)
    expect(report.problems[0]).toEqual({
      file: 'baseline/results.jsonl',
      message: expect.stringMatching(
        /^sha256 does not match manifest\.json \(expected sha256:\w+, found sha256:\w+\)$/,
      ),
    })
    expect(report.problems.every((p) => p.file === 'baseline/results.jsonl')).toBe(true)
  })

  it('names a deleted file', async () => {
    const folder = await freshFolder()
    rmSync(join(folder, 'rubric.json'))
    const report = await verify(folder)
    expect(report.ok).toBe(false)
    expect(report.problems).toContainEqual({ file: 'rubric.json', message: 'rubric.json is missing' })
  })

  it('refuses a folder with CRLF line endings, naming the file', async () => {
    const folder = await freshFolder()
    const path = join(folder, 'gates.json')
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'))
    const error = await failure(w.core, 'bundles.verify', { folder })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(/^gates\.json: has CR/)
  })

  it('checks signatures against the allowed signers', async () => {
    const priya = testKey('Priya Shah')
    const folder = await freshFolder()
    signOff(folder, priya, 'Priya Shah')

    const trusted = await verify(folder, [priya.file])
    expect(trusted).toMatchObject({ ok: true, problems: [], validSignatures: 1 })
    expect(trusted.signoffs).toEqual([
      expect.objectContaining({ name: 'Priya Shah', keyId: priya.keyId, status: 'valid' }),
    ])

    const unchecked = await verify(folder)
    expect(unchecked).toMatchObject({ ok: true, validSignatures: 0 })
    expect(unchecked.signoffs[0]?.status).toBe('unknown-signer')

    const stranger = testKey('Mallory')
    const other = await verify(folder, [stranger.file])
    expect(other.ok).toBe(false)
    expect(other.signoffs[0]?.status).toBe('unknown-signer')
    expect(other.problems).toEqual([
      { file: 'signoffs.json', message: expect.stringContaining('not among the allowed') },
    ])
  })

  it('reports a signature over a different statement as bad', async () => {
    const priya = testKey('Priya Shah')
    const folder = await freshFolder()
    signOff(folder, priya, 'Priya Shah', { comment: 'Edited after signing' })
    const report = await verify(folder, [priya.file])
    expect(report.ok).toBe(false)
    expect(report.signoffs[0]?.status).toBe('bad-signature')
    expect(report.problems).toEqual([
      {
        file: 'signoffs.json',
        message: 'Sign-off by Priya Shah (PM): The signature does not match the sign-off',
      },
    ])
  })

  it('marks a sign-off stale and names the file changed since', async () => {
    const priya = testKey('Priya Shah')
    const folder = await freshFolder()
    signOff(folder, priya, 'Priya Shah')
    const summary = join(folder, 'baseline/summary.md')
    const changed = `${readFileSync(summary, 'utf8')}Edited.\n`
    writeFileSync(summary, changed)
    const manifestPath = join(folder, 'manifest.json')
    const manifest = manifestFileSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')))
    manifest.files['baseline/summary.md'] = sha256Ref(changed)
    writeFileSync(manifestPath, canonicalJsonPretty(manifest))
    const report = await verify(folder, [priya.file])
    expect(report.signoffs[0]?.status).toBe('stale')
    expect(report.problems).toEqual([
      {
        file: 'baseline/summary.md',
        message: expect.stringContaining('changed since Priya Shah (PM) signed off'),
      },
    ])
  })
})

describe('parseAllowedSigners', () => {
  it('reads public-key and allowed-signers files and refuses a key id that is not its key', () => {
    const a = testKey('A')
    const b = testKey('B')
    const list = JSON.stringify({
      format: 'evallab.allowed-signers',
      version: 1,
      signers: [{ algorithm: 'ed25519', keyId: b.keyId, owner: 'B', publicKey: b.publicKey }],
    })
    expect(parseAllowedSigners([a.file, list]).map((k) => k.owner)).toEqual(['A', 'B'])
    const forged = a.file.replace(a.keyId, b.keyId)
    expect(() => parseAllowedSigners([list, forged])).toThrow(/^Allowed signers entry 2: key id/)
    expect(() => parseAllowedSigners(['{}'])).toThrow(/^Allowed signers entry 1 is neither/)
  })

  it('verifyBundle works on files in memory', async () => {
    const folder = await freshFolder()
    expect(verifyBundle('label', readBundleFiles(folder).files, []).folder).toBe('label')
  })
})

import { verify } from 'node:crypto'
import type { PublicKeyFile, SignoffCheck, VerifyProblem } from '../../../../shared/domain/bundles'
import { bundlePaths, signoffStatement, type BundleFiles, type SignoffEntry } from './format'
import { sha256Ref } from './hash'
import { ed25519PublicKey, keyIdOfPublicKey } from './signers'

export interface SignoffContext {
  promptName: string
  files: BundleFiles
  allowed: readonly PublicKeyFile[]
  /** Whether allowed signers were given: only then is an unknown signer a problem. */
  strict: boolean
}

type SignatureStatus = Exclude<SignoffCheck['status'], 'stale'>

/** The files whose bytes differ from what the sign-off saw (the results first when its hash moved). */
function changedFiles(ctx: SignoffContext, entry: SignoffEntry): string[] {
  const byPath: ReadonlyMap<string, string> = ctx.files
  const changed = Object.entries(entry.files)
    .filter(([path, hash]) => {
      const text = byPath.get(path)
      return text === undefined || sha256Ref(text) !== hash
    })
    .map(([path]) => path)
  const results = ctx.files.get(bundlePaths.results)
  const resultsMoved = results === undefined || sha256Ref(results) !== entry.runContentHash
  if (resultsMoved && !changed.includes(bundlePaths.results)) changed.unshift(bundlePaths.results)
  return changed
}

function signatureStatus(
  ctx: SignoffContext,
  entry: SignoffEntry,
): { status: SignatureStatus; message: string } {
  const sig = entry.signature
  if (sig === null) return { status: 'unsigned', message: 'Not signed with a key' }
  const key = ed25519PublicKey(sig.publicKey)
  if (!key || keyIdOfPublicKey(sig.publicKey) !== sig.keyId) {
    return {
      status: 'bad-signature',
      message: `Key id ${sig.keyId} does not match the signature's public key`,
    }
  }
  const good = verify(null, signoffStatement(ctx.promptName, entry), key, Buffer.from(sig.value, 'base64'))
  if (!good) return { status: 'bad-signature', message: 'The signature does not match the sign-off' }
  const trusted = ctx.allowed.find((a) => a.keyId === sig.keyId && a.publicKey === sig.publicKey)
  if (!trusted)
    return { status: 'unknown-signer', message: `Key ${sig.keyId} is not among the allowed signers` }
  if (trusted.owner !== entry.name) {
    return {
      status: 'unknown-signer',
      message: `Signed with ${trusted.owner}'s key ${sig.keyId} but in the name of ${entry.name}`,
    }
  }
  return { status: 'valid', message: `Signed by ${trusted.owner} (key ${sig.keyId})` }
}

/** One sign-off: does it still cover these files, and is its signature good and from an allowed key? */
export function checkSignoff(
  ctx: SignoffContext,
  entry: SignoffEntry,
): { check: SignoffCheck; problems: VerifyProblem[] } {
  const who = `${entry.name} (${entry.role})`
  const changed = changedFiles(ctx, entry)
  const problems: VerifyProblem[] = changed.map((file) => ({
    file,
    message: `${file} changed since ${who} signed off at ${entry.signedAt}`,
  }))
  const signature = signatureStatus(ctx, entry)
  if (signature.status === 'bad-signature') {
    problems.push({ file: bundlePaths.signoffs, message: `Sign-off by ${who}: ${signature.message}` })
  } else if (signature.status === 'unknown-signer' && ctx.strict) {
    problems.push({ file: bundlePaths.signoffs, message: `Sign-off by ${who}: ${signature.message}` })
  }
  const stale = changed.length > 0 && signature.status !== 'bad-signature'
  const check: SignoffCheck = {
    name: entry.name,
    role: entry.role,
    signedAt: entry.signedAt,
    keyId: entry.signature?.keyId ?? null,
    status: stale ? 'stale' : signature.status,
    message: stale ? `Signed off different content: ${changed.join(', ')} changed since` : signature.message,
  }
  return { check, problems }
}

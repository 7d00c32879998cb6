import { z } from 'zod'
import { idSchema, isoTimeSchema } from './ids'
import { sliceKeySchema } from './scoring'

// ── Signing keys ───────────────────────────────────────────────────────────────────────────────────
/** First 16 hex digits of sha256 of the raw 32-byte Ed25519 public key: how people name a key. */
export const keyIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'A key id is 16 lower-case hex digits')

export const signingKeyStorageSchema = z.enum(['safe-storage', 'session'])

/** A user's Ed25519 key pair as the UI sees it: never the private key. */
export const signingKeySchema = z.object({
  keyId: keyIdSchema,
  /** Whose key this is, e.g. "Priya Shah"; sign-offs made with it must carry the same name. */
  owner: z.string(),
  createdAt: isoTimeSchema,
  /** Base64 of the SPKI DER public key. */
  publicKey: z.string(),
  /** safe-storage: private key encrypted by the OS keychain (desktop app); session: memory only (browser host). */
  storage: signingKeyStorageSchema,
})
export type SigningKey = z.infer<typeof signingKeySchema>

/** The file a user shares so others can add them to a repo's allowed signers. */
export const publicKeyFileSchema = z
  .object({
    format: z.literal('evallab.public-key'),
    version: z.literal(1),
    algorithm: z.literal('ed25519'),
    keyId: keyIdSchema,
    owner: z.string().min(1),
    publicKey: z.string().min(1),
  })
  .strict()
export type PublicKeyFile = z.infer<typeof publicKeyFileSchema>

/** A repo's list of keys whose signatures `verify` accepts (e.g. evals/allowed-signers.json). */
export const allowedSignersFileSchema = z
  .object({
    format: z.literal('evallab.allowed-signers'),
    version: z.literal(1),
    signers: z.array(publicKeyFileSchema.omit({ format: true, version: true })).min(1),
  })
  .strict()
export type AllowedSignersFile = z.infer<typeof allowedSignersFileSchema>

// ── Sign-offs ──────────────────────────────────────────────────────────────────────────────────────
export const signatureSchema = z
  .object({
    algorithm: z.literal('ed25519'),
    keyId: keyIdSchema,
    /** Base64 SPKI DER, so a signature can be checked before its key is trusted (and then refused). */
    publicKey: z.string().min(1),
    /** Base64 Ed25519 signature of canonicalJson(signoffStatement(...)). */
    value: z.string().min(1),
  })
  .strict()
export type Signature = z.infer<typeof signatureSchema>

/** Path → "sha256:<64 hex>": the export files a sign-off covers (see bundles/format.ts signedFiles). */
export const fileHashesSchema = z.record(z.string(), z.string().regex(/^sha256:[0-9a-f]{64}$/))
export type FileHashes = z.infer<typeof fileHashesSchema>

export const signoffRoleSchema = z.string().trim().min(1, 'Say in which role you sign off').max(80)

export const signoffSchema = z.object({
  id: idSchema,
  promptId: idSchema,
  datasetSnapshotId: idSchema,
  runId: idSchema,
  slice: sliceKeySchema,
  name: z.string(),
  role: z.string(),
  comment: z.string(),
  signedAt: isoTimeSchema,
  /** "sha256:…" of the baseline's results.jsonl as exported: what exactly was signed off. */
  runContentHash: z.string(),
  files: fileHashesSchema,
  signature: signatureSchema.nullable(),
  /** True while the prompt's baseline is still this run slice with the same content hash. */
  current: z.boolean(),
})
export type Signoff = z.infer<typeof signoffSchema>

// ── Export, verify, import ─────────────────────────────────────────────────────────────────────────
export const bundleFileSchema = z.object({
  /** Relative to the bundle folder, forward slashes, e.g. "baseline/results.jsonl". */
  path: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Whether the export changed the file on disk (false when it was already byte-identical). */
  changed: z.boolean(),
})
export type BundleFile = z.infer<typeof bundleFileSchema>

export const bundleExportSchema = z.object({
  /** Absolute path of the prompt's folder, e.g. /repo/evals/ticket-triage. */
  folder: z.string(),
  files: z.array(bundleFileSchema),
  /** The commit made when asked to commit, else null. */
  commit: z.object({ sha: z.string(), message: z.string() }).nullable(),
})
export type BundleExport = z.infer<typeof bundleExportSchema>

export const verifyProblemSchema = z.object({
  /** The file at fault, relative to the bundle folder ("" for the folder itself). */
  file: z.string(),
  message: z.string(),
})
export type VerifyProblem = z.infer<typeof verifyProblemSchema>

export const signoffCheckSchema = z.object({
  name: z.string(),
  role: z.string(),
  signedAt: isoTimeSchema,
  keyId: keyIdSchema.nullable(),
  status: z.enum(['valid', 'unsigned', 'bad-signature', 'unknown-signer', 'stale']),
  message: z.string(),
})
export type SignoffCheck = z.infer<typeof signoffCheckSchema>

export const verifyReportSchema = z.object({
  folder: z.string(),
  ok: z.boolean(),
  problems: z.array(verifyProblemSchema),
  signoffs: z.array(signoffCheckSchema),
  /** Signed by allowed keys over the current files. */
  validSignatures: z.number().int().nonnegative(),
})
export type VerifyReport = z.infer<typeof verifyReportSchema>

export const bundleImportSchema = z.object({
  promptId: idSchema,
  promptName: z.string(),
  versionsAdded: z.number().int().nonnegative(),
  datasetId: idSchema,
  datasetSnapshotId: idSchema,
  runId: idSchema,
  signoffsAdded: z.number().int().nonnegative(),
  /** True when everything in the folder was already in the workspace (importing again changes nothing). */
  unchanged: z.boolean(),
})
export type BundleImport = z.infer<typeof bundleImportSchema>

export const bundleExportRecordSchema = z.object({
  promptId: idSchema,
  folder: z.string(),
  exportedAt: isoTimeSchema,
  exportedBy: z.string(),
  manifestSha256: z.string(),
  commitSha: z.string().nullable(),
})
export type BundleExportRecord = z.infer<typeof bundleExportRecordSchema>

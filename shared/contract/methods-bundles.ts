import { z } from 'zod'
import {
  bundleExportRecordSchema,
  bundleExportSchema,
  bundleImportSchema,
  keyIdSchema,
  signingKeySchema,
  signoffRoleSchema,
  signoffSchema,
  verifyReportSchema,
} from '../domain/bundles'
import { idSchema } from '../domain/ids'
import { sliceKeySchema } from '../domain/scoring'
import type { MethodSpec } from './methods'

const folderSchema = z.string().trim().min(1, 'Choose a folder').max(4096)

/** Sign-offs, the users' signing keys, and the signed bundles (baseline folders) a team keeps in git. */
export const bundleMethods = {
  'signingKeys.list': { input: z.object({}).strict(), output: z.array(signingKeySchema) },
  /** A new Ed25519 key pair for `owner`; the private key never leaves the key store. */
  'signingKeys.create': {
    input: z.object({ owner: z.string().trim().min(1, 'Name the key owner').max(120) }).strict(),
    output: signingKeySchema,
  },
  /** The public key as an `evallab.public-key` file for the team's allowed signers. */
  'signingKeys.exportPublic': {
    input: z.object({ keyId: keyIdSchema }).strict(),
    output: z.object({ fileName: z.string(), content: z.string() }),
  },
  'signingKeys.delete': {
    input: z.object({ keyId: keyIdSchema }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  /**
   * Signs off one slice of a completed run as the prompt's baseline: sets the baseline (when it is not
   * already that slice), records name, role, time, comment and the run's content hash, and with a key
   * signs the statement over the export's file hashes.
   */
  'signoffs.create': {
    input: z
      .object({
        promptId: idSchema,
        runId: idSchema,
        slice: sliceKeySchema,
        name: z.string().trim().min(1, 'Enter your name').max(120),
        role: signoffRoleSchema,
        comment: z.string().trim().max(2000).default(''),
        keyId: keyIdSchema.nullable().default(null),
      })
      .strict(),
    output: signoffSchema,
    writes: ['signoffs', 'baselines', 'audit_log'],
  },
  /** The prompt's sign-offs, newest first; `current` marks those of its current baseline content. */
  'signoffs.list': { input: z.object({ promptId: idSchema }).strict(), output: z.array(signoffSchema) },
  /**
   * Writes the prompt's baseline folder `<folder>/<prompt-slug>/` deterministically (files rewritten only when
   * their bytes change, stale files removed) and, when asked, commits exactly that folder with git.
   */
  'bundles.export': {
    input: z
      .object({
        promptId: idSchema,
        folder: folderSchema,
        commit: z.boolean().default(false),
        commitMessage: z.string().trim().max(500).default(''),
      })
      .strict(),
    output: bundleExportSchema,
    writes: ['bundle_exports', 'audit_log'],
  },
  /** The prompt's past exports, newest first. */
  'bundles.exports': {
    input: z.object({ promptId: idSchema }).strict(),
    output: z.array(bundleExportRecordSchema),
  },
  /** Checks a prompt folder: manifest hashes, file formats and sign-off signatures against allowed keys. */
  'bundles.verify': {
    input: z
      .object({
        folder: folderSchema,
        /** Contents of allowed-signers or public-key files; none = every signature is from an unknown signer. */
        allowedSigners: z.array(z.string().max(1_000_000)).max(100).default([]),
      })
      .strict(),
    output: verifyReportSchema,
  },
  /** Imports a prompt folder (verified first) in one transaction: prompt, dataset, suite, baseline, sign-offs. */
  'bundles.import': {
    input: z.object({ folder: folderSchema }).strict(),
    output: bundleImportSchema,
    writes: [
      'prompts',
      'prompt_versions',
      'prompt_environments',
      'rubrics',
      'eval_suites',
      'datasets',
      'dataset_cases',
      'dataset_snapshots',
      'runs',
      'run_results',
      'run_scores',
      'baselines',
      'signoffs',
      'audit_log',
    ],
  },
} satisfies Record<string, MethodSpec>

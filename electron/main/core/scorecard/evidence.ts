import { existsSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { AppError } from '../../../../shared/contract'
import {
  ciStatusFileSchema,
  runbookLocationSchema,
  type BundleCheck,
  type CiStatusFile,
  type IncidentRunbook,
} from '../../../../shared/domain/scorecard'
import { writeTransaction, type CoreContext } from '../context'

/** A status file is a few hundred bytes; anything far larger is not one. */
const MAX_STATUS_BYTES = 64 * 1024

/** Records where the incident runbook lives: an http(s) link, or the absolute path of a file that exists. */
export function recordRunbook(ctx: CoreContext, rawLocation: string): IncidentRunbook {
  const location = runbookLocationSchema.parse(rawLocation)
  const kind = /^https?:\/\//i.test(location) ? 'link' : 'file'
  if (kind === 'link' && !URL.canParse(location))
    throw new AppError('INVALID_INPUT', `"${location}" is not a valid link: check it and record it again`)
  if (kind === 'file' && !(isAbsolute(location) && existsSync(location)))
    throw new AppError(
      'INVALID_INPUT',
      `No file at "${location}": give the runbook's link (https://…) or the full path of its file`,
    )
  const runbook: IncidentRunbook = { location, kind, recordedAt: ctx.now(), recordedBy: ctx.user }
  writeTransaction(ctx, () => {
    ctx.repos.scorecardEvidence.insertRunbook(runbook)
    ctx.repos.audit.append({
      at: runbook.recordedAt,
      actor: ctx.user,
      action: 'scorecard.runbook_recorded',
      entityType: 'workspace',
      entityId: 'incident-runbook',
      details: { location, kind },
    })
  })
  return runbook
}

export interface RecordedCheck {
  promptId: string
  promptName: string
  /** False when this exact check had been recorded before (nothing new written). */
  recorded: boolean
}

/**
 * Records a CLI gate/verify of an exported folder against the export that wrote it (matched by the
 * manifest's sha256). A folder this workspace never exported is refused: its check is no evidence here.
 */
export function recordCheck(
  ctx: CoreContext,
  status: CiStatusFile,
  source: BundleCheck['source'],
): RecordedCheck {
  return writeTransaction(ctx, () => {
    const promptId = ctx.repos.scorecardEvidence.promptOfManifest(status.manifestSha256)
    const prompt = promptId ? ctx.repos.prompts.get(promptId) : null
    if (!promptId || !prompt)
      throw new AppError(
        'NOT_FOUND',
        `This workspace never exported the folder of "${status.promptName}" that was ${status.command === 'gate' ? 'gated' : 'verified'} ` +
          `(manifest ${status.manifestSha256.slice(0, 19)}…): record it in the workspace it was exported from, ` +
          'or export the folder again and gate the new export',
      )
    const recordedAt = ctx.now()
    const recorded = ctx.repos.scorecardEvidence.insertCheck({
      promptId,
      manifestSha256: status.manifestSha256,
      command: status.command,
      outcome: status.outcome,
      checkedAt: status.checkedAt,
      source,
      ciRunUrl: status.ciRunUrl,
      recordedAt,
    })
    if (recorded)
      ctx.repos.audit.append({
        at: recordedAt,
        actor: ctx.user,
        action: 'bundle.checked',
        entityType: 'prompt',
        entityId: promptId,
        details: { command: status.command, outcome: status.outcome, source, checkedAt: status.checkedAt },
      })
    return { promptId, promptName: prompt.name, recorded }
  })
}

/** Reads an evallab.ci-status file a CI workflow wrote (`evallab gate … --ci-status FILE`) and records it. */
export function recordCiStatusFile(ctx: CoreContext, file: string): RecordedCheck {
  return recordCheck(ctx, readCiStatusFile(file), 'ci-status')
}

export function readCiStatusFile(file: string): CiStatusFile {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new AppError(
      'NOT_FOUND',
      `${file}: no such file; give the path of the CI status file the workflow wrote`,
    )
  if (statSync(file).size > MAX_STATUS_BYTES)
    throw new AppError('LIMIT_EXCEEDED', `${file}: too large for a CI status file (over 64 KB)`)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    throw new AppError(
      'INVALID_INPUT',
      `${file}: not valid JSON (${why}); give the file evallab --ci-status wrote`,
    )
  }
  const parsed = ciStatusFileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.map(String).join('.') || '(file)'
    throw new AppError(
      'INVALID_INPUT',
      `${file}: ${field}: ${issue?.message ?? 'does not match the format'} — not an evallab.ci-status file`,
    )
  }
  return parsed.data
}

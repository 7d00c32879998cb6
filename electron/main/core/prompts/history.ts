import { z } from 'zod'
import { environmentSchema } from '../../../../shared/domain/environments'
import { historyActions, type HistoryEntry } from '../../../../shared/domain/registry'
import type { AuditRow } from '../db/repos/history'

type HistoryAction = HistoryEntry['action']

// Lenient on purpose: the audit log outlives code versions, and one odd row must not hide the timeline.
const detailsSchema = z
  .object({
    env: environmentSchema.optional().catch(undefined),
    number: z.number().int().positive().optional().catch(undefined),
    fromNumber: z.number().int().positive().nullable().optional().catch(undefined),
    message: z.string().optional().catch(undefined),
    reason: z.string().optional().catch(undefined),
    overrideGateReason: z.string().optional().catch(undefined),
    comment: z.string().optional().catch(undefined),
    name: z.string().optional().catch(undefined),
    changes: z
      .record(z.string(), z.object({ from: z.string(), to: z.string() }))
      .optional()
      .catch(undefined),
  })
  .catch({})

/** Audit rows (newest first) as the prompt's timeline; actions this build does not know are left out. */
export function toHistory(rows: readonly AuditRow[]): HistoryEntry[] {
  return rows.flatMap((row) => {
    if (!isHistoryAction(row.action)) return []
    const details = detailsSchema.parse(safeJson(row.details))
    return [
      {
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        versionNumber: details.number ?? null,
        fromVersionNumber: details.fromNumber ?? null,
        env: details.env ?? null,
        text: entryText(row.action, details),
      },
    ]
  })
}

function entryText(action: HistoryAction, d: z.infer<typeof detailsSchema>): string {
  switch (action) {
    case 'prompt.created':
      return d.name ? `Created prompt "${d.name}"` : 'Created the prompt'
    case 'prompt.updated':
      return changesText(d.changes ?? {})
    case 'version.created':
    case 'version.imported':
      return d.message ?? ''
    case 'approval.recorded':
      return d.comment ?? ''
    case 'env.promoted':
      // An override of the eval gate is part of the promotion's story, not a footnote in the raw log.
      return d.overrideGateReason
        ? `${d.reason ?? ''} (eval gate overridden: ${d.overrideGateReason})`
        : (d.reason ?? '')
    case 'env.rolled_back':
      return d.reason ?? ''
  }
}

function changesText(changes: Record<string, { from: string; to: string }>): string {
  const parts = Object.entries(changes).map(([field, c]) =>
    // Descriptions are long; the owner fits in a line and is what people look for.
    field === 'description' ? 'description' : `${field} from "${c.from}" to "${c.to}"`,
  )
  return parts.length > 0 ? `Changed ${parts.join(' and ')}` : 'Changed details'
}

function isHistoryAction(action: string): action is HistoryAction {
  return (historyActions as readonly string[]).includes(action)
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return {}
  }
}

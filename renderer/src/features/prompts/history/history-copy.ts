import type { HistoryEntry } from '../../../../../shared/domain/registry'

/** What happened, in a few words: "promoted v3 to prod (was v2)". Version numbers are linked separately. */
export function describeEntry(entry: HistoryEntry): string {
  const v = entry.versionNumber === null ? 'a version' : `v${entry.versionNumber}`
  const env = entry.env ?? 'an environment'
  switch (entry.action) {
    case 'prompt.created':
      return `created the prompt with ${v}`
    case 'version.created':
      return `saved ${v}`
    case 'version.imported':
      return `imported ${v} from a file`
    case 'approval.recorded':
      return `approved ${v} for ${env}`
    case 'env.promoted':
      return entry.fromVersionNumber === null
        ? `promoted ${v} to ${env} (first version there)`
        : `promoted ${v} to ${env} (was v${entry.fromVersionNumber})`
    case 'env.rolled_back':
      return entry.fromVersionNumber === null
        ? `rolled ${env} back to ${v}`
        : `rolled ${env} back to ${v} (from v${entry.fromVersionNumber})`
    default:
      return String(entry.action)
  }
}

/** The label of the entry's free text: a commit message, a reason or a comment. */
export function textLabel(entry: HistoryEntry): string {
  switch (entry.action) {
    case 'approval.recorded':
      return 'Comment'
    case 'env.promoted':
    case 'env.rolled_back':
      return 'Reason'
    default:
      return 'Message'
  }
}

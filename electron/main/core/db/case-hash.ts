import { createHash } from 'node:crypto'
import { canonicalJson } from '../../../../shared/lib/canonical-json'
import type { CaseFields } from '../../../../shared/domain/datasets'

const sha256 = (text: string): string => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`

/** The fields a case is made of, without its id: what a snapshot stores and a diff compares. */
export function caseFields(c: CaseFields): CaseFields {
  return {
    key: c.key,
    vars: c.vars,
    expected: c.expected,
    expectedOutput: c.expectedOutput,
    tags: c.tags,
    notes: c.notes,
    // Only when present, so every single-turn case keeps the revision hash it had before conversations.
    ...(c.conversation !== undefined ? { conversation: c.conversation } : {}),
    ...(c.toolResults !== undefined ? { toolResults: c.toolResults } : {}),
  }
}

/** Same fields → same hash, whatever order object keys were written in: the address of a case revision. */
export function revisionHash(c: CaseFields): string {
  return sha256(canonicalJson(caseFields(c)))
}

/**
 * The content of a dataset version: which working case holds which revision, in order. Case ids count, so a
 * case deleted and added again reads as changed — exactly as the diff, which matches cases by id, shows it.
 */
export function contentHash(members: readonly { caseId: string; revisionHash: string }[]): string {
  return sha256(members.map(memberLine).join(''))
}

const memberLine = (m: { caseId: string; revisionHash: string }): string => `${m.caseId} ${m.revisionHash}\n`

/** contentHash fed in slices, for a snapshot written in chunks: the same members give the same hash. */
export function contentHasher(): {
  add: (members: readonly { caseId: string; revisionHash: string }[]) => void
  digest: () => string
} {
  const hash = createHash('sha256')
  return {
    add: (members) => members.forEach((m) => hash.update(memberLine(m), 'utf8')),
    digest: () => `sha256:${hash.digest('hex')}`,
  }
}

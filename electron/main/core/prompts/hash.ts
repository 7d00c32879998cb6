import { createHash } from 'node:crypto'
import { canonicalJson } from '../../../../shared/lib/canonical-json'
import { versionContent, type PromptVersion } from '../../../../shared/domain/prompts'

/** Same messages, model and parameters → same hash, whoever saved them and whenever. */
export function contentHash(v: Pick<PromptVersion, 'messages' | 'model' | 'params'>): string {
  return `sha256:${createHash('sha256')
    .update(canonicalJson(versionContent(v)), 'utf8')
    .digest('hex')}`
}

import type { EnvironmentPointer } from '../../../../shared/domain/environments'
import type { ModelRef } from '../../../../shared/domain/prompts'
import { modelKey } from '../../../../shared/lib/model-ref'
import type { CoreContext } from '../context'

/** A prompt version that calls another model than the version before it. */
export interface ModelSwitch {
  number: number
  from: ModelRef
  to: ModelRef
  createdAt: string
  /**
   * When the switch first went to staging or prod: the earliest pointer at this version or a later one
   * on the same model (pointers are updated in place, so that is the earliest time still stored); null
   * while no environment runs the new model.
   */
  deployedAt: string | null
}

/** The prompt's model switches, oldest first, from its immutable versions and its environment pointers. */
export function modelSwitches(
  ctx: CoreContext,
  promptId: string,
  pointers: readonly EnvironmentPointer[],
): ModelSwitch[] {
  const versions = ctx.repos.prompts
    .versions(promptId)
    .flatMap((v) => ctx.repos.prompts.versionById(v.id) ?? [])
    .sort((a, b) => a.number - b.number)
  const switches: ModelSwitch[] = []
  versions.forEach((version, i) => {
    const before = versions[i - 1]
    if (!before || modelKey(before.model) === modelKey(version.model)) return
    const sameModelLater = new Set(
      versions
        .slice(i)
        .filter((v) => modelKey(v.model) === modelKey(version.model))
        .map((v) => v.number),
    )
    const deployed = pointers
      .filter((p) => sameModelLater.has(p.versionNumber))
      .map((p) => p.updatedAt)
      .sort()
    switches.push({
      number: version.number,
      from: before.model,
      to: version.model,
      createdAt: version.createdAt,
      deployedAt: deployed[0] ?? null,
    })
  })
  return switches
}

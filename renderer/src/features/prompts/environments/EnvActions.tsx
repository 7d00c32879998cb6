import { useMemo } from 'react'
import type { Environment } from '../../../../../shared/domain/environments'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import { usePromotion, useRollback } from '../../../stores/hooks'
import { envNumbers } from '../../../stores/prompts/selectors'
import { selectPromotionActions, selectRollbackActions } from '../../../stores/registry/selectors'
import { ExportButton } from '../files/ExportButton'
import { EnvBadge } from './EnvBadge'

/** Where the environments stand, and what can be done with the shown version. */
export function EnvActions({ detail }: { detail: PromptDetail }) {
  const envs = useMemo(() => envNumbers(detail), [detail])
  const promotion = usePromotion(selectPromotionActions)
  const rollback = useRollback(selectRollbackActions)
  const { prompt, version } = detail

  const promote = (env: Environment) =>
    promotion.open({
      promptId: prompt.id,
      versionId: version.id,
      versionNumber: version.number,
      env,
      model: version.model,
    })

  return (
    <div className="env-actions" data-testid="env-actions">
      <EnvBadge env="staging" versionNumber={envs.staging} />
      <EnvBadge env="prod" versionNumber={envs.prod} />
      <span className="toolbar">
        {(['staging', 'prod'] as const).map((env) => (
          <button
            key={env}
            type="button"
            className="button small"
            data-testid={`promote-${env}`}
            disabled={envs[env] === version.number}
            title={envs[env] === version.number ? `${env} already serves v${version.number}` : undefined}
            onClick={() => promote(env)}
          >
            Promote v{version.number} to {env}
          </button>
        ))}
        <button
          type="button"
          className="button small"
          data-testid="rollback-prod"
          disabled={envs.prod === null}
          title={
            envs.prod === null ? 'Nothing is in prod yet' : 'Point prod back at a version it served before'
          }
          onClick={() =>
            envs.prod !== null &&
            rollback.open({ promptId: prompt.id, env: 'prod', currentNumber: envs.prod })
          }
        >
          Roll back prod
        </button>
        <ExportButton promptId={prompt.id} versionNumber={version.number} />
      </span>
    </div>
  )
}

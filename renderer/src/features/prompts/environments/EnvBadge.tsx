import type { Environment } from '../../../../../shared/domain/environments'

interface Props {
  env: Environment
  versionNumber: number | null
  /** Hide the badge when the environment points at nothing (dense lists). */
  hideEmpty?: boolean
  /**
   * `env-badge-<env>` on the shown prompt; the list uses its own prefix so the detail's badge stays the
   * only `env-badge-*` on the page.
   */
  testIdPrefix?: string
}

/** "prod v3": which version an environment serves. */
export function EnvBadge({ env, versionNumber, hideEmpty = false, testIdPrefix = 'env-badge' }: Props) {
  if (versionNumber === null && hideEmpty) return null
  return (
    <span
      className={`env-badge env-${env}`}
      data-testid={`${testIdPrefix}-${env}`}
      data-version-number={versionNumber ?? undefined}
      title={versionNumber === null ? `Nothing promoted to ${env} yet` : `${env} serves v${versionNumber}`}
    >
      {env} {versionNumber === null ? '—' : `v${versionNumber}`}
    </span>
  )
}

import type { Environment } from '../../../../../shared/domain/environments'
import { formatAbsolute } from '../../../components/format'
import type { RollbackOption } from '../../../stores/registry/rollback-targets'

/** The rollback targets, those the environment served before apart from those it never did. */
export function RollbackOptions({ env, options }: { env: Environment; options: RollbackOption[] }) {
  const served = options.filter((o) => o.lastServed !== null)
  const others = options.filter((o) => o.lastServed === null)
  return (
    <>
      {served.length > 0 ? (
        <optgroup label={`Served ${env} before`}>
          {served.map((o) => (
            <option key={o.versionNumber} value={o.versionNumber}>
              v{o.versionNumber} — in {env} until {formatAbsolute(o.lastServed ?? '')}
            </option>
          ))}
        </optgroup>
      ) : null}
      {others.length > 0 ? (
        <optgroup label={`Never in ${env}`}>
          {others.map((o) => (
            <option key={o.versionNumber} value={o.versionNumber}>
              v{o.versionNumber} — never served {env}
            </option>
          ))}
        </optgroup>
      ) : null}
    </>
  )
}

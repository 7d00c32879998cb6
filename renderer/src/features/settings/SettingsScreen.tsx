import type { AppStatus } from '../../../../shared/domain/workspace'
import { PricesSection } from './PricesSection'
import { ProvidersSection } from './ProvidersSection'
import { RubricsSection } from './RubricsSection'
import { SigningKeysSection } from './SigningKeysSection'

interface Props {
  workspace: Extract<AppStatus, { state: 'ready' }>
}

/** The open workspace, the providers calls go to (and their keys), price overrides and rubrics. */
export function SettingsScreen({ workspace }: Props) {
  return (
    <div className="settings-screen">
      <WorkspaceSection workspace={workspace} />
      <ProvidersSection />
      <PricesSection />
      <RubricsSection />
      <SigningKeysSection />
    </div>
  )
}

/** The facts about the open workspace, as the core reported them. */
function WorkspaceSection({ workspace }: Props) {
  return (
    <section className="panel settings" aria-labelledby="settings-workspace">
      <h2 id="settings-workspace">Workspace</h2>
      <dl className="facts" data-testid="workspace-info">
        <dt>Data folder</dt>
        <dd>
          <code data-testid="settings-home">{workspace.home}</code>
        </dd>
        <dt>Database file</dt>
        <dd>
          <code data-testid="settings-db-file">{workspace.dbFile}</code>
        </dd>
        <dt>Schema version</dt>
        <dd data-testid="settings-schema-version">{workspace.schemaVersion}</dd>
        <dt>User</dt>
        <dd data-testid="settings-user">{workspace.user}</dd>
      </dl>
      <p className="muted">
        The data folder is chosen at start: <code>--home &lt;folder&gt;</code>, else the{' '}
        <code>EVALLAB_HOME</code> environment variable, else the platform default. The user name is recorded
        as the author of versions you save.
      </p>
    </section>
  )
}

import type { AppStatus } from '../../../../shared/domain/workspace'
import type { RouteId } from '../../stores/app/routes'
import { selectAppActions, selectRoute } from '../../stores/app/selectors'
import { useApp } from '../../stores/hooks'
import { DatasetsScreen } from '../datasets/DatasetsScreen'
import { ScorecardScreen } from '../scorecard/ScorecardScreen'
import { PromptsScreen } from '../prompts/PromptsScreen'
import { ReviewScreen } from '../review/ReviewScreen'
import { RunsScreen } from '../runs/RunsScreen'
import { SettingsScreen } from '../settings/SettingsScreen'
import { FirstRunGuide, GuideReopen } from '../guide/FirstRunGuide'
import { AppHeader } from './AppHeader'
import { InterruptedRunsNotice } from './InterruptedRunsNotice'
import { LazyCompareScreen, LazyProductionScreen } from './lazy-screens'
import { ProductionAlertNotice } from './ProductionAlertNotice'
import { ComingSoon } from './ComingSoon'
import { ConnectionBanner } from './ConnectionBanner'
import { comingSoon } from './coming-soon'
import { NavBar } from './NavBar'
import { navItems } from './nav-items'
import { useLocationHash } from './route-hash'
import { useNavShortcuts } from './use-nav-shortcuts'

type Workspace = Extract<AppStatus, { state: 'ready' }>

export function Shell({ workspace }: { workspace: Workspace }) {
  const route = useApp(selectRoute)
  const { navigate } = useApp(selectAppActions)
  useNavShortcuts(navigate)
  useLocationHash()
  const title = navItems.find((item) => item.route === route)?.label ?? ''

  return (
    <div className="shell">
      <div className="shell-banner">
        <ConnectionBanner />
      </div>
      <AppHeader
        title={title}
        user={workspace.user}
        home={workspace.home}
        notice={
          <>
            {route === 'runs' ? null : <InterruptedRunsNotice onOpen={() => navigate('runs')} />}
            {route === 'production' ? null : <ProductionAlertNotice onOpen={() => navigate('production')} />}
            <GuideReopen />
          </>
        }
      />
      <NavBar current={route} onNavigate={navigate} />
      <main className="screen" data-testid={`screen-${route}`} aria-label={title}>
        <FirstRunGuide />
        <Screen route={route} workspace={workspace} />
      </main>
    </div>
  )
}

function Screen({ route, workspace }: { route: RouteId; workspace: Workspace }) {
  switch (route) {
    case 'prompts':
      return <PromptsScreen />
    case 'datasets':
      return <DatasetsScreen />
    case 'runs':
      return <RunsScreen />
    case 'review':
      return <ReviewScreen />
    case 'compare':
      return <LazyCompareScreen />
    case 'production':
      return <LazyProductionScreen />
    case 'scorecard':
      return <ScorecardScreen />
    case 'settings':
      return <SettingsScreen workspace={workspace} />
    default: {
      const copy = comingSoon[route]
      return copy ? <ComingSoon copy={copy} /> : null
    }
  }
}

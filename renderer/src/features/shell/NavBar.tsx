import type { RouteId } from '../../stores/app/routes'
import { shortcutLabel } from '../../components/shortcuts'
import { navItems } from './nav-items'

interface Props {
  current: RouteId
  onNavigate: (route: RouteId) => void
}

export function NavBar({ current, onNavigate }: Props) {
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {navItems.map((item) => (
          <li key={item.route}>
            <a
              href={`#/${item.route}`}
              className="nav-link"
              data-testid={`nav-${item.route}`}
              aria-current={item.route === current ? 'page' : undefined}
              aria-keyshortcuts={`Control+${item.digit} Meta+${item.digit}`}
              onClick={(event) => {
                event.preventDefault()
                onNavigate(item.route)
              }}
            >
              <span>{item.label}</span>
              <kbd className="nav-hint">{shortcutLabel(item.digit)}</kbd>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

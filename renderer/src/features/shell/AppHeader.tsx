interface Props {
  title: string
  user: string
  home: string
}

export function AppHeader({ title, user, home }: Props) {
  return (
    <header className="app-header">
      <span className="app-name">Eval Lab</span>
      <h1 className="app-title">{title}</h1>
      <span className="app-workspace" title={`Data folder: ${home}`}>
        {user} · {home}
      </span>
    </header>
  )
}

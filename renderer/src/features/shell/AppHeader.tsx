import type { ReactNode } from 'react'

interface Props {
  title: string
  user: string
  home: string
  /** Something the user should know about from any screen (interrupted runs). */
  notice?: ReactNode
}

export function AppHeader({ title, user, home, notice }: Props) {
  return (
    <header className="app-header">
      <span className="app-name">Eval Lab</span>
      <h1 className="app-title">{title}</h1>
      {notice}
      <span className="app-workspace" title={`Data folder: ${home}`}>
        {user} · {home}
      </span>
    </header>
  )
}

import type { ReactNode } from 'react'

interface Props {
  title: string
  children: ReactNode
  testId?: string
}

/** Nothing to show yet: say so, and say what happens next. */
export function EmptyState({ title, children, testId }: Props) {
  return (
    <div className="empty-state" data-testid={testId}>
      <h2>{title}</h2>
      <div className="muted">{children}</div>
    </div>
  )
}

import { memo } from 'react'
import { formatAbsolute, formatRelative } from './format'

/** A relative time with the exact one on hover; memoised, as it sits in long lists. */
export const Time = memo(function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {formatRelative(iso)}
    </time>
  )
})

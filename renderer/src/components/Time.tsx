import { formatAbsolute, formatRelative } from './format'

/** A relative time with the exact one on hover. */
export function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {formatRelative(iso)}
    </time>
  )
}

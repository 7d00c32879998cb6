/** Tags as small chips; the prefix (segment:, lang:) is dimmed so the value reads first. */
export function TagChips({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return <span className="cell-none">—</span>
  return (
    <span className="tag-chips">
      {tags.map((tag) => {
        const colon = tag.indexOf(':')
        return (
          <span key={tag} className="tag-chip" data-tag={tag}>
            {colon > 0 ? <span className="tag-prefix">{tag.slice(0, colon + 1)}</span> : null}
            {colon > 0 ? tag.slice(colon + 1) : tag}
          </span>
        )
      })}
    </span>
  )
}

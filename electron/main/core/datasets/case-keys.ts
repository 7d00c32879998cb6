/** `case-0001`, `case-0002`… : the first free one from the dataset's size on, so added cases read in order. */
export function nextCaseKey(taken: ReadonlySet<string>): string {
  let n = taken.size + 1
  while (taken.has(generated(n))) n += 1
  return generated(n)
}

function generated(n: number): string {
  return `case-${String(n).padStart(4, '0')}`
}

/** `<key>-copy`, then `<key>-copy-2`, `-copy-3`…: the first one not taken. */
export function copyKey(key: string, taken: ReadonlySet<string>): string {
  const first = `${key}-copy`
  if (!taken.has(first)) return first
  let n = 2
  while (taken.has(`${first}-${n}`)) n += 1
  return `${first}-${n}`
}

/** Tags trimmed, blanks dropped, each once, in the order given. */
export function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))]
}

/** Bulk tagging leaves tags sorted, so the same set always reads (and hashes) the same. */
export function retag(tags: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const set = new Set(tags)
  for (const t of remove) set.delete(t)
  for (const t of add) set.add(t)
  return [...set].sort()
}

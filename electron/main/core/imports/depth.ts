/**
 * Whether a value (already parsed) nests arrays and objects deeper than `max`. Iterative, so a value of any
 * depth is measured without touching the stack: JSON.stringify throws past a few thousand levels, and a reply
 * or a stored value that cannot be serialised must be refused at the door instead.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  const seen = new Set<object>()
  while (stack.length > 0) {
    const top = stack.pop()
    if (!top || typeof top.value !== 'object' || top.value === null || seen.has(top.value)) continue
    seen.add(top.value)
    const depth = top.depth + 1
    if (depth > max) return true
    const children: unknown[] = Array.isArray(top.value) ? top.value : Object.values(top.value)
    for (const child of children) stack.push({ value: child, depth })
  }
  return false
}

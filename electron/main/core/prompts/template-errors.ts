/**
 * Where the tag a Mustache syntax error is about starts. The library reports the place it gave up: the end
 * of the template for an unclosed tag or section, the closing tag for a mismatched one. A person needs the
 * opening they have to fix, so the tags are walked again the way the library's scanner walks them.
 */

interface Tag {
  start: number
  type: string
  name: string
}

type Scan = { tags: Tag[]; unclosedAt: number | null }

/** The tags in order, and the start of the first `{{` whose closing braces never come. */
function scanTags(content: string): Scan {
  const tags: Tag[] = []
  let from = 0
  for (;;) {
    const start = content.indexOf('{{', from)
    if (start === -1) return { tags, unclosedAt: null }
    const triple = content[start + 2] === '{'
    const close = content.indexOf(triple ? '}}}' : '}}', start + (triple ? 3 : 2))
    if (close === -1) return { tags, unclosedAt: start }
    const inner = content.slice(start + (triple ? 3 : 2), close).trim()
    const type = /^[#^/&!>=]/.test(inner) ? inner.charAt(0) : 'name'
    tags.push({ start, type, name: (type === 'name' ? inner : inner.slice(1)).trim() })
    from = close + (triple ? 3 : 2)
  }
}

/** The section opened and never closed: still open at the end, or closed by another section's tag. */
function unclosedSection(tags: Tag[]): number | null {
  const open: Tag[] = []
  for (const tag of tags) {
    if (tag.type === '#' || tag.type === '^') open.push(tag)
    else if (tag.type === '/') {
      const top = open.pop()
      if (top && top.name !== tag.name) return top.start
    }
  }
  return open.at(-1)?.start ?? null
}

/** The 0-based start of the broken tag for the library's "Unclosed tag" and "Unclosed section" errors. */
export function brokenTagStart(content: string, libraryMessage: string): number | null {
  const scan = scanTags(content)
  if (libraryMessage.startsWith('Unclosed tag')) return scan.unclosedAt
  if (libraryMessage.startsWith('Unclosed section')) return unclosedSection(scan.tags)
  return null
}

import type { DatasetCase, DuplicateGroup } from '../../../../shared/domain/datasets'
import { candidatePairs, jaccard, shingles } from './minhash'

type CaseRef = Pick<DatasetCase, 'id' | 'key' | 'vars' | 'conversation'>

/**
 * Duplicate cases by their input: variables and conversation turns. Exact: the same variables with values equal
 * after trimming, lower-casing and collapsing whitespace, and the same turns (roles equal, contents equal so
 * normalised). Near: input texts (the variable values, then each turn's content, joined) whose word-3-shingle
 * Jaccard similarity is at least `threshold`, found with MinHash/LSH and verified exactly. Groups come in the
 * order of their first case; a near group lists every case of the exact groups it joins.
 */
export function findDuplicates(cases: readonly CaseRef[], threshold: number): DuplicateGroup[] {
  const exact = new Map<string, CaseRef[]>()
  for (const c of cases) {
    const key = normalisedInput(c)
    const group = exact.get(key)
    if (group) group.push(c)
    else exact.set(key, [c])
  }
  const classes = [...exact.values()]
  const groups: { first: number; group: DuplicateGroup }[] = []
  const order = new Map(cases.map((c, i) => [c.id, i]))
  const firstOf = (list: readonly CaseRef[]) =>
    list.reduce((min, c) => Math.min(min, order.get(c.id) ?? 0), Number.POSITIVE_INFINITY)
  for (const members of classes) {
    if (members.length > 1) {
      groups.push({ first: firstOf(members), group: { kind: 'exact', similarity: 1, cases: refs(members) } })
    }
  }
  for (const component of nearComponents(classes, threshold)) {
    const members = component.classes.flatMap((i) => classes[i] ?? [])
    members.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    groups.push({
      first: firstOf(members),
      group: { kind: 'near', similarity: component.similarity, cases: refs(members) },
    })
  }
  return groups.sort((a, b) => a.first - b.first || rank(a.group) - rank(b.group)).map((g) => g.group)
}

interface Component {
  classes: number[]
  /** The lowest verified similarity that joined the component: every link in it is at least this similar. */
  similarity: number
}

/** Connected components of the "near-duplicate" relation over one representative per exact class. */
function nearComponents(classes: readonly CaseRef[][], threshold: number): Component[] {
  const sets = classes.map((members) => shingles(members[0] ? inputText(members[0]) : ''))
  const parent = classes.map((_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root] ?? root
    parent[i] = root
    return root
  }
  const lowest = new Map<number, number>()
  candidatePairs(sets, threshold, (i, j) => {
    const [a, b] = [find(i), find(j)]
    if (a === b) return
    const similarity = jaccard(sets[i] as Uint32Array, sets[j] as Uint32Array)
    if (similarity < threshold) return
    parent[b] = a
    lowest.set(a, Math.min(similarity, lowest.get(a) ?? 1, lowest.get(b) ?? 1))
  })
  const byRoot = new Map<number, number[]>()
  classes.forEach((_, i) => {
    const root = find(i)
    const members = byRoot.get(root)
    if (members) members.push(i)
    else byRoot.set(root, [i])
  })
  return [...byRoot.entries()]
    .filter(([, members]) => members.length > 1)
    .map(([root, members]) => ({ classes: members, similarity: round(lowest.get(root) ?? 1) }))
}

/** Variable values joined in name order, then the turns' contents in order: what a near-duplicate is judged on. */
function inputText(c: CaseRef): string {
  const values = Object.keys(c.vars)
    .sort()
    .map((name) => c.vars[name] ?? '')
  return [...values, ...(c.conversation ?? []).map((turn) => turn.content)].join('\n')
}

function normalisedInput(c: CaseRef): string {
  const entries = Object.keys(c.vars)
    .sort()
    .map((name) => [name, normaliseText(c.vars[name] ?? '')])
  const turns = (c.conversation ?? []).map((turn) => [turn.role, normaliseText(turn.content)])
  // Without turns the key is what it always was.
  return turns.length === 0 ? JSON.stringify(entries) : JSON.stringify([entries, turns])
}

export function normaliseText(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ')
}

function refs(members: readonly CaseRef[]): { id: string; key: string }[] {
  return members.map((c) => ({ id: c.id, key: c.key }))
}

function rank(group: DuplicateGroup): number {
  return group.kind === 'exact' ? 0 : 1
}

function round(similarity: number): number {
  return Math.round(similarity * 1000) / 1000
}

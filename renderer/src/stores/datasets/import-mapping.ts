import {
  columnRoleSchema,
  type ColumnMapping,
  type ColumnRole,
  type ExpectedType,
} from '../../../../shared/domain/dataset-mapping'
import { isReservedVariable } from '../../../../shared/domain/template-names'

export type RoleName = ColumnRole['role']

/** The role select of the mapping step, in the order a PM thinks about a column. */
export const roleOptions: readonly { role: RoleName; label: string }[] = [
  { role: 'var', label: 'Input variable' },
  { role: 'key', label: 'Case key (stable id)' },
  { role: 'expectedOutput', label: 'Expected output' },
  { role: 'expected', label: 'Expected field' },
  { role: 'tags', label: 'Tags (several per cell)' },
  { role: 'tag', label: 'Tag with a prefix' },
  { role: 'notes', label: 'Notes' },
  { role: 'conversation', label: 'Conversation (JSON list of turns)' },
  { role: 'toolResults', label: 'Canned tool results (JSON)' },
  { role: 'varsObject', label: 'Variables object (JSON)' },
  { role: 'expectedObject', label: 'Expected fields object (JSON)' },
  { role: 'ignore', label: 'Ignore' },
]

export const expectedTypes: readonly ExpectedType[] = ['string', 'number', 'boolean', 'json']

/** `Customer Message` → `customer_message`: a prefix or name that reads well in a tag. */
function slug(column: string): string {
  return column
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
}

/** The role a column takes when the PM picks `role` for it; names and prefixes start from the column name. */
export function roleFor(column: string, role: RoleName, previous?: ColumnRole): ColumnRole {
  const prevName = previous && 'name' in previous ? previous.name : null
  switch (role) {
    case 'var':
      return { role, name: prevName ?? column.trim() }
    case 'expected':
      return { role, name: prevName ?? column.trim().replace(/^expected[_.]/i, '') }
    case 'tags':
      return { role, separator: ',' }
    case 'tag':
      return { role, prefix: slug(column) }
    default:
      return { role }
  }
}

export type RoleField = 'name' | 'prefix' | 'separator' | 'type' | 'json' | 'alsoVar'

/** Changes one setting of a role (the name of a var, the prefix of a tag, ...); other fields stay. */
export function withRoleField(role: ColumnRole, field: RoleField, value: string | boolean): ColumnRole {
  if (field === 'json') return role.role === 'tags' ? { ...role, json: value === true } : role
  if (field === 'alsoVar' && role.role === 'key')
    return typeof value === 'string' ? { role: 'key', alsoVar: value } : { role: 'key' }
  const text = String(value)
  if (field === 'name' && (role.role === 'var' || role.role === 'expected')) return { ...role, name: text }
  if (field === 'prefix' && role.role === 'tag') return { ...role, prefix: text }
  if (field === 'separator' && role.role === 'tags')
    return text ? { ...role, separator: text } : { role: 'tags' }
  if (field === 'type' && role.role === 'expected') {
    const type = expectedTypes.find((t) => t === text)
    return type && type !== 'string' ? { ...role, type } : { role: 'expected', name: role.name }
  }
  return role
}

/** What is wrong with each column's role before the core sees it: a missing name, a name used twice. */
export function mappingErrors(mapping: ColumnMapping): Record<string, string> {
  const errors: Record<string, string> = {}
  const owners = new Map<string, string>()
  for (const [column, role] of Object.entries(mapping)) {
    const parsed = columnRoleSchema.safeParse(role)
    if (!parsed.success) {
      errors[column] = parsed.error.issues[0]?.message ?? 'incomplete'
      continue
    }
    for (const slot of slotsOf(parsed.data)) {
      const owner = owners.get(slot)
      if (owner !== undefined) errors[column] ??= `${describeSlot(slot)} is already column "${owner}"`
      else owners.set(slot, column)
    }
  }
  return errors
}

/** What a role takes that no other column may: a var or expected name, the key (and the var it fills). */
function slotsOf(role: ColumnRole): string[] {
  if (role.role === 'var') return [`var:${role.name.trim()}`]
  if (role.role === 'expected') return [`expected:${role.name.trim()}`]
  if (role.role === 'key') return role.alsoVar === undefined ? ['key'] : ['key', `var:${role.alsoVar.trim()}`]
  if (role.role === 'expectedOutput' || role.role === 'notes') return [role.role]
  return []
}

function describeSlot(slot: string): string {
  if (slot.startsWith('var:')) return `The variable "${slot.slice(4)}"`
  if (slot.startsWith('expected:')) return `The expected field "${slot.slice(9)}"`
  return slot === 'key' ? 'The case key' : slot === 'notes' ? 'Notes' : 'The expected output'
}

/** Variables named in a prompt's messages: `{{ name }}`, in order of first use; `{{case.key}}` is no column's. */
export function templateVariables(texts: readonly string[]): string[] {
  const names: string[] = []
  for (const text of texts) {
    for (const match of text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)) {
      const name = match[1]
      if (name && !isReservedVariable(name) && !names.includes(name)) names.push(name)
    }
  }
  return names
}

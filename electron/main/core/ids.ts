import { randomBytes } from 'node:crypto'

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'

/** Opaque, URL-safe ids with a readable prefix (`pv_…` is a prompt version) and 80 random bits. */
export function newId(prefix: string): string {
  const bytes = randomBytes(16)
  let out = ''
  for (let i = 0; i < 16; i++) out += alphabet[(bytes[i] ?? 0) % 32]
  return `${prefix}_${out}`
}

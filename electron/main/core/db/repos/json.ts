import { type z } from 'zod'
import { AppError } from '../../../../../shared/contract'

/** JSON columns are checked on the way out too: a hand-edited database must fail loudly, not render garbage. */
export function parseJsonColumn<T extends z.ZodType>(schema: T, text: string, where: string): z.output<T> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new AppError('INTERNAL', `Stored JSON in ${where} is not valid JSON`)
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new AppError('INTERNAL', `Stored data in ${where} does not match its schema`)
  return parsed.data
}

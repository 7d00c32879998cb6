/** A whole number in range, or null when `text` is not one (what number fields accept as typed). */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null
  const n = Number(text)
  return n >= min && n <= max ? n : null
}

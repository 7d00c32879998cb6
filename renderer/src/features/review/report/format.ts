/** κ and α with two decimals ("0.62", "−0.10"); an em dash when there is too little data. */
export function coefficient(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—'
  return value.toFixed(2).replace('-', '−')
}

/** A share on 0..1 as a whole percent ("85 %"). */
export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)} %`
}

/** A rough reading of κ/α by the usual Landis & Koch bands, for people who do not read coefficients daily. */
export function strength(value: number | null): string {
  if (value === null) return ''
  if (value < 0) return 'worse than chance'
  if (value < 0.2) return 'slight'
  if (value < 0.4) return 'fair'
  if (value < 0.6) return 'moderate'
  if (value < 0.8) return 'substantial'
  return 'almost perfect'
}

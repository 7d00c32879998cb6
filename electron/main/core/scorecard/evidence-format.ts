export function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`
}

/** The date part of an ISO time: evidence reads "2026-10-20", not a timestamp. */
export function day(iso: string): string {
  return iso.slice(0, 10)
}

/** A price per million tokens as evidence shows it: "$0.75/MTok". */
export function perMTok(usd: number): string {
  return `$${usd.toLocaleString('en-US', { maximumFractionDigits: 4 })}/MTok`
}

/** A share 0..1 as "83 %". */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`
}

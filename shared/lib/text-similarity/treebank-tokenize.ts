/**
 * The Penn Treebank-style tokenizer of js-rouge — the package promptfoo's `rouge-n` assertion imports
 * (promptfoo/promptfoo src/assertions/rouge.ts: `import * as rouge from 'js-rouge'`), which is
 * promptfoo's own fork promptfoo/js-rouge (src/utils.ts `treeBankTokenize`), not kenlimmj/rouge.
 * Re-implemented rule by rule so Eval Lab splits text into the same tokens: whitespace collapsed, case
 * kept, paired double quotes become `` and '', most punctuation becomes its own token, a comma or
 * colon before a digit stays (1,000), and only a sentence-final period is split off (not in "U.S.").
 */
const punctuationRules: ReadonlyArray<readonly [RegExp, string]> = [
  [/\.{3}/g, ' ... '],
  [/[:,](?!\d)/g, ' $& '],
  [/[;@#$%&]/g, ' $& '],
  [/([^.])(?<!\b[A-Za-z]\.[A-Za-z])(\.)([\])}>'\s]*)$/g, '$1 $2$3 '],
  [/[?!]/g, ' $& '],
  [/[\][(){}<>]/g, ' $& '],
  [/--/g, ' -- '],
]

const apostropheRules: ReadonlyArray<readonly [RegExp, string]> = [
  [/([^'])' /g, "$1 ' "],
  [/'([sSmMdD]) /g, " '$1 "],
  [/('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) /g, ' $1 '],
]

/** Uncommon contractions split in two ("cannot" → "can not"); first match only, as in js-rouge. */
const contractions: readonly RegExp[] = [
  /\b(can)(not)\b/i,
  /\b(d)('ye)\b/i,
  /\b(gim)(me)\b/i,
  /\b(gon)(na)\b/i,
  /\b(got)(ta)\b/i,
  /\b(lem)(me)\b/i,
  /\b(more)('n)\b/i,
  /\b(wan)(na) /i,
  / ('t)(is)\b/i,
  / ('t)(was)\b/i,
]

function applyRules(text: string, rules: ReadonlyArray<readonly [RegExp, string]>): string {
  return rules.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text)
}

function codePointAt(text: string, index: number): string {
  const point = text.codePointAt(index)
  return point === undefined ? '' : String.fromCodePoint(point)
}

/** A double quote opens a quotation at the start or after whitespace or an opening bracket. */
function canOpenQuote(text: string, index: number, insideQuotes: boolean): boolean {
  return !insideQuotes && (index === 0 || /[\s([{<]/.test(text[index - 1] ?? ''))
}

/** Rewrites ``, '' and " as opening (``) or closing ('') quote tokens, tracking whether a quote is open. */
function classifyQuotes(text: string): string {
  let insideQuotes = false
  return text.replace(/``|''|"/g, (quote: string, index: number): string => {
    const opensPairedTicks =
      quote === "''" &&
      index > 0 &&
      /^[\p{Letter}\p{Number}]$/u.test(codePointAt(text, index + 2)) &&
      text.slice(index + 2).match(/``|''|"/)?.[0] === "''"
    insideQuotes =
      quote === '``' || (canOpenQuote(text, index, insideQuotes) && (quote === '"' || opensPairedTicks))
    return insideQuotes ? ' `` ' : " '' "
  })
}

export function treebankTokenize(input: string): string[] {
  const text = input.trim().replace(/\s+/g, ' ')
  if (text.length === 0) return []
  let parse = ` ${applyRules(classifyQuotes(text), punctuationRules)} `
  parse = applyRules(parse, apostropheRules)
  for (const pattern of contractions) parse = parse.replace(pattern, ' $1 $2 ')
  return parse.replace(/ {2,}/g, ' ').replace(/^ | $/g, '').split(' ')
}

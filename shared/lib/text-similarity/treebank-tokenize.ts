/**
 * The Penn Treebank-style tokenizer of js-rouge 3.2.x (`treeBankTokenize` in promptfoo/js-rouge
 * src/tokenize.ts and src/text.ts) — the package promptfoo's `rouge-n` assertion tokenizes with
 * (promptfoo 0.121.20 src/assertions/rouge.ts). Re-implemented rule by rule so Eval Lab splits text into
 * the same tokens: whitespace (and U+0085) collapsed, case kept, paired double quotes become `` and '',
 * most punctuation becomes its own token, a comma or colon before a decimal digit stays (1,000), only a
 * sentence-final period is split off (not in "U.S."), and uncommon contractions are split ("cannot" →
 * "can not"). tests/fixtures/promptfoo-results/js-rouge-tokens.json holds js-rouge's own tokens.
 */
const punctuationRules: ReadonlyArray<readonly [RegExp, string]> = [
  [/\.{3}/g, ' ... '],
  [/[:,](?!\p{Decimal_Number})/gu, ' $& '],
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

const wordCharacter = '[\\p{ID_Continue}\\u200c\\u200d]'
const contraction = (pattern: string): RegExp =>
  new RegExp(`(?<!${wordCharacter})${pattern}(?!${wordCharacter})`, 'giu')

/** Uncommon contractions split in two, every occurrence, as js-rouge's TREEBANK_CONTRACTIONS. */
const contractions: readonly RegExp[] = [
  contraction('(can)(not)'),
  contraction("(d)('ye)"),
  contraction('(gim)(me)'),
  contraction('(gon)(na)'),
  contraction('(got)(ta)'),
  contraction('(lem)(me)'),
  contraction("(more)('n)"),
  contraction('(wan)(na)(?= )'),
  contraction("('t)(is)"),
  contraction("('t)(was)"),
]

function applyRules(text: string, rules: ReadonlyArray<readonly [RegExp, string]>): string {
  return rules.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text)
}

function characterAt(text: string, index: number): string {
  const point = text.codePointAt(index)
  return point === undefined ? '' : String.fromCodePoint(point)
}

/** js-rouge `isAlphabeticFootnote`: a compatibility modifier letter (ᵃ) used as a footnote marker. */
function isAlphabeticFootnote(text: string, index: number): boolean {
  const following = characterAt(text, index + 1)
  return (
    following !== following.normalize('NFKC') &&
    /^\p{Lm}(?:[\s.,;:!?"'“‘”’\])}>]|$)/u.test(text.slice(index + 1, index + 5))
  )
}

/** js-rouge `followsQuotedModifier`: a footnote marker (with digits) right after a closed quotation. */
function followsQuotedModifier(text: string, index: number): boolean {
  const modifier = /\p{Lm}$/u.exec(text.slice(Math.max(0, index - 2), index))?.[0]
  if (modifier === undefined || !isAlphabeticFootnote(text, index - modifier.length - 1)) return false
  let start = index - modifier.length
  while (start > 0) {
    const number = /\p{Number}$/u.exec(text.slice(Math.max(0, start - 2), start))?.[0]
    if (number === undefined) break
    start -= number.length
  }
  return /[.!?]["'”’]$/.test(text.slice(Math.max(0, start - 2), start))
}

/** js-rouge `opensDoubleQuote`: not already inside a quotation, and in a place a quotation can open. */
function opensDoubleQuote(text: string, index: number, insideQuotes: boolean): boolean {
  if (insideQuotes) return false
  return (
    index === 0 ||
    /[\s\p{Punctuation}<]/u.test(text[index - 1] ?? '') ||
    text.slice(index - 2, index) === '``' ||
    followsQuotedModifier(text, index)
  )
}

/** Rewrites ``, '' and " as opening (``) or closing ('') quote tokens, tracking whether a quote is open. */
function classifyQuotes(text: string): string {
  let insideQuotes = false
  return text.replace(/``|''|"/g, (quote: string, index: number): string => {
    const opensPairedTicks =
      index > 0 &&
      /^[\p{Letter}\p{Number}\p{Sc}\p{Ps}]$/u.test(characterAt(text, index + 2)) &&
      text.slice(index + 2).match(/``|''|"/)?.[0] === "''"
    const placeCanOpen =
      index + quote.length < text.length || index === 0 || /[\s\p{Ps}<]/u.test(text[index - 1] ?? '')
    insideQuotes =
      quote === '``' ||
      (placeCanOpen &&
        opensDoubleQuote(text, index, insideQuotes) &&
        !/[.!?]/.test(text[index - 1] ?? '') &&
        (quote === '"' || opensPairedTicks))
    return insideQuotes ? ' `` ' : " '' "
  })
}

export function treebankTokenize(input: string): string[] {
  const text = input.replace(/[\s\u0085]+/g, ' ').trim()
  if (text.length === 0) return []
  let parse = ` ${applyRules(classifyQuotes(text), punctuationRules)} `
  parse = applyRules(parse, apostropheRules)
  for (const pattern of contractions) parse = parse.replace(pattern, ' $1 $2 ')
  return parse.replace(/ {2,}/g, ' ').replace(/^ | $/g, '').split(' ')
}

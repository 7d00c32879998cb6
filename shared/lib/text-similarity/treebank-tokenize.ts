/**
 * The Penn Treebank-style tokenizer of js-rouge (kenlimmj/rouge, dist/rouge.cjs.js, `treeBankTokenize`),
 * which promptfoo's `rouge-n` assertion calls with its defaults (promptfoo/promptfoo
 * src/assertions/rouge.ts). Re-implemented rule by rule so Eval Lab splits text into the same tokens:
 * case is kept, most punctuation becomes its own token, and only a sentence-final period is split off.
 * Each rule is [pattern, replacement] applied in order; patterns without the g flag replace only the
 * first match, exactly as in js-rouge.
 */
const spacingRules: ReadonlyArray<readonly [RegExp, string]> = [
  [/^"/, ' `` '],
  [/([ ([{<])"/g, '$1 `` '],
  [/\.\.\.*/g, ' ... '],
  [/[;@#$%&]/g, ' $& '],
  [/([^.])(\.)([\])}>"']*)\s*$/g, '$1 $2$3 '],
  [/[,?!]/g, ' $& '],
  [/[\][(){}<>]/g, ' $& '],
  [/---*/g, ' -- '],
]

const quoteRules: ReadonlyArray<readonly [RegExp, string]> = [
  [/"/g, " '' "],
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

export function treebankTokenize(input: string): string[] {
  if (input.length === 0) return []
  let text = ` ${applyRules(input, spacingRules)} `
  text = applyRules(text, quoteRules)
  for (const pattern of contractions) text = text.replace(pattern, ' $1 $2 ')
  // js-rouge's loop runs one step past its list and calls replace(undefined, ' $1 $2 '), which replaces
  // the first literal "undefined" in the text with " $1 $2 ". Kept so token counts match promptfoo.
  text = text.replace('undefined', ' $1 $2 ')
  return text.replace(/ {2,}/g, ' ').replace(/^ | $/g, '').split(' ')
}

export { levenshteinDistance, levenshteinRatio } from './levenshtein'
export { promptfooRougeN, rougeN, rougeL, lcsLength, wordTokens, type PrecisionRecallF } from './rouge'
export { promptfooBleu, sentenceBleu } from './bleu'
export { treebankTokenize } from './treebank-tokenize'

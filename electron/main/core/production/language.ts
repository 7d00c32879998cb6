import { franc } from 'franc-min'

/** franc answers in ISO 639-3; tags use the two-letter codes people recognise ("lang:es"). */
const iso6391: Readonly<Record<string, string>> = {
  eng: 'en',
  spa: 'es',
  deu: 'de',
  fra: 'fr',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  pol: 'pl',
  jpn: 'ja',
  cmn: 'zh',
  kor: 'ko',
  rus: 'ru',
  tur: 'tr',
  swe: 'sv',
}

/** Below this length trigram statistics are guesswork, so the language is left undetermined. */
const MIN_CHARS = 20

/** The ISO 639-1 code of the text's language; 'und' when too short or unknown, the 639-3 code otherwise. */
export function detectLanguage(text: string): string {
  const trimmed = text.trim()
  if (trimmed.length < MIN_CHARS) return 'und'
  const code = franc(trimmed, { minLength: MIN_CHARS })
  if (code === 'und') return 'und'
  return iso6391[code] ?? code
}

/** The text whose language a call is in: its variables' values (the user's words), joined. */
export function callText(vars: Readonly<Record<string, string>>): string {
  return Object.values(vars).join('\n')
}

/*
 * Names a prompt template can use that no dataset column provides. They are dotted, so no column can
 * clash with them: a mapped variable's name is one plain word to a template (`{{a.b}}` reads `a`'s `b`).
 */

/** The case's key (its stable id in the dataset, e.g. the `id` column of an imported file). */
export const caseKeyVariable = 'case.key'

/** The namespace `case.*` is ours: a template may use `{{case.key}}` and nothing else under it. */
export const caseNamespace = 'case'

export function isReservedVariable(name: string): boolean {
  return name === caseKeyVariable
}

/**
 * Column names an import suggests as the case key (compared lower case, with spaces, dashes and dots as
 * underscores). A prompt that uses one of them as a variable most likely means the key.
 */
export const keyColumnNames: readonly string[] = ['key', 'id', 'case_id', 'caseid', 'case_key', 'test_id']

/** `Case ID` and `case-id` both read `case_id`. */
export function normaliseColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_')
}

export function isKeyColumnName(name: string): boolean {
  return keyColumnNames.includes(normaliseColumnName(name))
}

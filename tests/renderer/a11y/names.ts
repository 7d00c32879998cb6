import axe from 'axe-core'

/**
 * The axe rules about names: every control, button and link says what it is to a screen reader. Only these
 * run in renderer tests: contrast and layout need a real browser (the e2e check, tests/e2e/a11y.spec.ts).
 */
const nameRules = [
  'label',
  'select-name',
  'button-name',
  'input-button-name',
  'link-name',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'aria-command-name',
]

/** What is unnamed inside `root`: one line per rule broken, with the elements that break it. */
export async function unnamed(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    runOnly: { type: 'rule', values: nameRules },
    resultTypes: ['violations'],
  })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)
}

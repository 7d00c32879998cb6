import { describe, expect, it } from 'vitest'
import { buildImportPreview } from '../../../../../electron/main/core/datasets/files'
import { describeNotRun } from '../../../../../electron/main/core/datasets/files/promptfoo-assertion-summary'
import { parseText } from './helpers'

const config = [
  'defaultTest:',
  '  assert:',
  '    - type: python',
  '      value: polite_check(output)',
  'tests:',
  '  - vars: { order: "4471" }',
  '    assert:',
  '      - { type: contains, value: "4471" }',
  '      - { type: llm-rubric, value: Is polite }',
  '      - { type: similar, value: "Your order shipped" }',
  '  - vars: { order: "4472" }',
  '    assert:',
  '      - { type: not-javascript, value: "output.length > 400" }',
  '      - { type: latency, threshold: 2000 }',
].join('\n')

describe('promptfoo assertion summary on the import preview', () => {
  it('names every type Eval Lab does not run, with counts, and counts llm-rubric assertions', () => {
    const preview = buildImportPreview(parseText('orders.yaml', config))
    expect(preview.promptfooAssertions).toEqual({
      cases: 2,
      assertions: 7,
      modelGraded: 1,
      notRun: [
        { type: 'python', count: 2 },
        { type: 'similar', count: 1 },
      ],
    })
    expect(describeNotRun(preview.promptfooAssertions!)).toBe('python ×2, similar ×1')
  })

  it('is absent for a file without assertions', () => {
    const preview = buildImportPreview(parseText('plain.yaml', '- vars: { order: "1" }\n'))
    expect(preview.promptfooAssertions).toBeUndefined()
  })
})

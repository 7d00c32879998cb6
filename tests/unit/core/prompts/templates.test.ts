import { describe, expect, it } from 'vitest'
import {
  analyzeMessages,
  renderMessages,
  templateVariables,
} from '../../../../electron/main/core/prompts/templates'

describe('templateVariables', () => {
  it('collects plain, unescaped, triple-brace and section names once, in order', () => {
    const t = 'Hi {{name}} {{&raw}} {{{triple}}} {{#vip}}VIP {{tier}}{{/vip}}{{^vip}}no{{/vip}} {{name}}'
    expect(templateVariables(t)).toEqual(['name', 'raw', 'triple', 'vip', 'tier'])
  })

  it('ignores comments and the implicit iterator, and counts dotted names by their first key', () => {
    expect(templateVariables('{{! a note }}{{#items}}{{.}}{{/items}} {{customer.name}}')).toEqual([
      'items',
      'customer',
    ])
  })

  it('reports syntax errors with the library message and a line and column', () => {
    expect(() => templateVariables('line one\nHello {{#vip}} there')).toThrow(
      'Unclosed section "vip" at 15 (line 2, column 7)',
    )
    expect(() => templateVariables('Hi {{name')).toThrow(/Unclosed tag at 3 \(line 1, column 4\)/)
    expect(() => templateVariables('{{/vip}}')).toThrow(/Unopened section "vip"/)
  })

  it('rejects partials, delimiter changes and empty tags with a clear message', () => {
    expect(() => templateVariables('Intro\n{{> footer}}')).toThrow(
      /Partials \(\{\{> footer\}\}\) are not supported.* at 6 \(line 2, column 1\)/,
    )
    expect(() => templateVariables('{{=<% %>=}} <%name%>')).toThrow(/Changing delimiters .* not supported/)
    expect(() => templateVariables('Hi {{ }}')).toThrow(/Empty tag/)
    expect(() => templateVariables('Subject: {{subject}\n{{body}}')).toThrow(
      'Tag name "subject}\\n{{body" contains a brace or space: is a "}" missing? at 9 (line 1, column 10)',
    )
    expect(() => templateVariables('{{first name}}')).toThrow(/contains a brace or space/)
  })
})

describe('analyzeMessages', () => {
  it('reports errors per message index and still collects the others', () => {
    const result = analyzeMessages([
      { role: 'system', content: 'You help {{team}}.' },
      { role: 'user', content: 'Ticket: {{#body}}' },
      { role: 'user', content: '{{subject}}' },
    ])
    expect(result.variables).toEqual(['team', 'subject'])
    expect(result.errors).toEqual([{ messageIndex: 1, message: expect.stringMatching(/Unclosed section/) }])
  })
})

describe('renderMessages', () => {
  const messages = [
    { role: 'system' as const, content: 'Support for {{product}}.' },
    { role: 'user' as const, content: 'Subject: {{subject}}\n{{body}}' },
  ]

  it('fills variables without HTML escaping', () => {
    const vars = { product: 'Fernwork', subject: 'Q&A <urgent>', body: '"quoted" & \'single\'' }
    const result = renderMessages(messages, { vars, key: null })
    expect(result.messages[1]?.content).toBe('Subject: Q&A <urgent>\n"quoted" & \'single\'')
    expect(result.missing).toEqual([])
    expect(result.unused).toEqual([])
  })

  it('names missing and unused variables', () => {
    const vars = { product: 'Fernwork', subjet: 'typo', extra: 'x' }
    const result = renderMessages(messages, { vars, key: 'tkt-1' })
    expect(result.variables).toEqual(['product', 'subject', 'body'])
    expect(result.missing).toEqual(['subject', 'body'])
    expect(result.unused).toEqual(['subjet', 'extra'])
    expect(result.messages[1]?.content).toBe('Subject: \n')
  })

  it('counts an empty string as supplied and leaves a broken message as written', () => {
    const vars = { product: '', subject: 's', body: 'b' }
    const result = renderMessages([{ role: 'user', content: '{{#a}}' }, ...messages], { vars, key: null })
    expect(result.missing).toEqual([])
    expect(result.messages[0]?.content).toBe('{{#a}}')
    expect(result.errors.map((e) => e.messageIndex)).toEqual([0])
  })
})

describe('the case key, {{case.key}}', () => {
  const messages = [{ role: 'user' as const, content: 'Ticket {{case.key}}: {{question}}' }]

  it('is a variable by its whole name, and any other case field is a template error', () => {
    expect(templateVariables('{{case.key}} {{#case.key}}x{{/case.key}} {{question}}')).toEqual([
      'case.key',
      'question',
    ])
    expect(() => templateVariables('Hi {{case.id}}')).toThrow(
      /\{\{case\.id\}\}: a case offers only \{\{case\.key\}\}, its key at 3 \(line 1, column 4\)/,
    )
  })

  it("is filled with the case's key, or named missing when there is no case", () => {
    const vars = { question: 'Where is my refund?' }
    const filled = renderMessages(messages, { vars, key: 'rq-0042' })
    expect(filled.messages[0]?.content).toBe('Ticket rq-0042: Where is my refund?')
    expect(filled).toMatchObject({ variables: ['case.key', 'question'], missing: [], unused: [] })
    const typed = renderMessages(messages, { vars, key: null })
    expect(typed.messages[0]?.content).toBe('Ticket : Where is my refund?')
    expect(typed.missing).toEqual(['case.key'])
  })

  it('does not clash with a dataset variable named case (a text has no key)', () => {
    const result = renderMessages([{ role: 'user', content: '{{case}} / {{case.key}}' }], {
      vars: { case: 'damaged parcel' },
      key: 'rq-7',
    })
    expect(result.messages[0]?.content).toBe('damaged parcel / rq-7')
    expect(result.missing).toEqual([])
  })

  it('is filled as written: a key is never HTML-escaped', () => {
    const result = renderMessages(messages, { vars: { question: 'q' }, key: 'A&B <1>' })
    expect(result.messages[0]?.content).toBe('Ticket A&B <1>: q')
  })
})

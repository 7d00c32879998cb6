import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { ImportPreview } from '../../../../electron/main/core/datasets/files'
import { useTempHomes } from '../../../fixtures/temp-home'
import { allCases, base64, importAsNew } from '../datasets/api-helpers'
import { call, demoCore, failure } from '../core-calls'
import { everyTable, fixture } from './helpers'

const tempHome = useTempHomes()

/** Imports a fixture through datasets.importPreview + importCommit and returns the stored cases. */
async function stored(core: Core, name: string, content = fixture(name)) {
  const result = await importAsNew(core, name, content, `Imported ${name}`)
  return allCases(core, result.dataset.id)
}

/** Commits a fixture that must be refused: returns the error, having checked that no table changed. */
async function refused(home: string, core: Core, name: string, content = fixture(name)) {
  const before = everyTable(home)
  const contentBase64 = base64(content)
  const preview = await core.dispatch('datasets.importPreview', { fileName: name, contentBase64 })
  const mapping = preview.ok ? (preview.value as ImportPreview).mapping : { id: { role: 'key' } }
  const error = await failure(core, 'datasets.importCommit', {
    fileName: name,
    contentBase64,
    mapping,
    target: { kind: 'new', name: `Refused ${name}` },
  })
  expect(everyTable(home)).toEqual(before)
  return error
}

describe('dataset import keeps JSON exactly as written', { timeout: 60_000 }, () => {
  it('keeps numbers a double cannot hold as their literal text, so keys cannot collide', async () => {
    const core = demoCore(tempHome())
    const cases = await stored(core, 'big-numbers.jsonl')
    expect(cases.map((c) => c.key)).toEqual(['12345678901234567890', '12345678901234567891'])
    expect(cases[0]?.vars).toMatchObject({
      question: '1e400',
      amount: '0.1000000000000000000001',
      small: '2.5',
    })
    expect(cases[1]?.vars).toMatchObject({ amount: '1e-400', small: '9007199254740992' })
    core.close()
  })

  it('keeps them in a promptfoo .json file too', async () => {
    const core = demoCore(tempHome())
    const cases = await stored(core, 'big-numbers.json')
    expect(cases.map((c) => c.vars)).toEqual([
      { order: '12345678901234567890', ratio: '1e400' },
      { order: '12345678901234567891', ratio: '0.5' },
    ])
    core.close()
  })

  it('refuses an expected number a double would round, naming row and field', async () => {
    const home = tempHome()
    const core = demoCore(home)
    const before = everyTable(home)
    const contentBase64 = base64(fixture('expected-number-inexact.jsonl'))
    const error = await failure(core, 'datasets.importCommit', {
      fileName: 'expected-number-inexact.jsonl',
      contentBase64,
      mapping: {
        id: { role: 'key' },
        question: { role: 'var', name: 'question' },
        expected_total: { role: 'expected', name: 'total', type: 'number' },
      },
      target: { kind: 'new', name: 'Inexact' },
    })
    expect(error.message).toContain(
      'expected-number-inexact.jsonl, row 1 (line 1), column "expected_total": expected "total" is ' +
        '"12345678901234567890", a number a double cannot hold exactly',
    )
    expect(everyTable(home)).toEqual(before)
    core.close()
  })

  it('refuses a key given twice in one object, naming line and key', async () => {
    const home = tempHome()
    const core = demoCore(home)
    const jsonl = await refused(home, core, 'duplicate-key.jsonl')
    expect(jsonl.message).toContain(
      'duplicate-key.jsonl, row 2 (line 2): the key "question" appears twice in one object with different values',
    )
    const json = await refused(home, core, 'duplicate-key.json')
    expect(json.message).toContain('duplicate-key.json, line 3: the key "q" appears twice')
    core.close()
  })

  it('keeps __proto__, constructor and prototype as ordinary variables, polluting nothing', async () => {
    const core = demoCore(tempHome())
    const cases = await stored(core, 'proto-keys.jsonl')
    expect(cases.map((c) => [c.key, Object.entries(c.vars).sort()])).toEqual([
      [
        'p1',
        [
          ['__proto__', 'proto value'],
          ['constructor', 'ctor value'],
          ['prototype', 'proto2'],
        ],
      ],
      [
        'p2',
        [
          ['__proto__', 'second'],
          ['constructor', 'c2'],
          ['prototype', 'p2v'],
        ],
      ],
    ])
    const ours = await stored(core, 'proto-keys-evallab.jsonl')
    expect(Object.getOwnPropertyDescriptor(ours[0]?.vars, '__proto__')?.value).toBe('{"polluted":"yes"}')
    expect(ours[0]?.vars).toMatchObject({ constructor: 'c', prototype: 'p', q: 'x' })
    expect(Object.getOwnPropertyDescriptor(ours[0]?.expected, '__proto__')?.value).toEqual({
      polluted: 'yes',
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    core.close()
  })

  it('says in one line that a JSON array or a pretty-printed object is not JSON Lines', async () => {
    const home = tempHome()
    const core = demoCore(home)
    const array = await refused(home, core, 'json-array.jsonl')
    expect(array.message.split('\n')[0]).toBe(
      'json-array.jsonl, line 1: this is a JSON array, not JSON Lines — import it as JSON (a .json file)',
    )
    const pretty = await refused(home, core, 'pretty.jsonl')
    expect(pretty.message.split('\n')[0]).toMatch(
      /^pretty\.jsonl, line 1: this is one JSON object written over several lines, not JSON Lines/,
    )
    core.close()
  })

  it('imports a .json array of row objects as rows, as the JSON Lines refusal says', async () => {
    const core = demoCore(tempHome())
    const cases = await stored(core, 'rows-array.json')
    expect(cases.map((c) => [c.key, c.vars])).toEqual([
      ['r1', { question: 'What is 2+2?', order: '12345678901234567890' }],
      ['r2', { question: 'Capital of France?', order: '7' }],
    ])
    core.close()
  })

  it('refuses nesting past the limit, naming file and line, without overflowing the stack', async () => {
    const home = tempHome()
    const core = demoCore(home)
    const jsonl = await refused(home, core, 'deep.jsonl')
    expect(jsonl.message).toContain(
      'deep.jsonl, row 2 (line 2): the value nests deeper than the limit of 64 levels',
    )
    const json = await refused(home, core, 'deep.json')
    expect(json.code).toBe('LIMIT_EXCEEDED')
    expect(json.message).toContain('deep.json, line 1: the value nests deeper than the limit of 64 levels')
    const abyss = `{"id":"x","q":${'['.repeat(200_000)}${']'.repeat(200_000)}}\n`
    const deepest = await refused(home, core, 'abyss.jsonl', abyss)
    expect(deepest.code).toBe('LIMIT_EXCEEDED')
    core.close()
  })

  it('imports a 1 MiB value and refuses one over the limit naming row, column and limit', async () => {
    const core = demoCore(tempHome())
    const mib = 'é'.repeat(512 * 1024) // 1 MiB of UTF-8
    const big = await stored(
      core,
      'mib.jsonl',
      JSON.stringify({ id: 'big', prompt: mib, answer: mib }) + '\n',
    )
    expect(big[0]?.vars.prompt).toBe(mib)
    core.close()
    const home = tempHome()
    const small = demoCore(home, { importLimits: { maxFieldChars: 1000 } })
    const error = await refused(home, small, 'long-value.jsonl')
    expect(error.code).toBe('LIMIT_EXCEEDED')
    expect(error.message).toContain(
      'long-value.jsonl, row 2 (line 2), column "q": a value is 2,000 characters long; the limit is 1,000',
    )
    small.close()
  })

  it('refuses a file with more rows than the limit, in any format', async () => {
    const home = tempHome()
    const core = demoCore(home, { importLimits: { maxRows: 3 } })
    const error = await refused(home, core, 'five-rows.csv')
    expect(error.code).toBe('LIMIT_EXCEEDED')
    expect(error.message.split('\n')[0]).toBe('five-rows.csv: the file has 5 rows; the limit is 3')
    core.close()
  })

  it('keeps the error short: the first rows, then how many more', async () => {
    const home = tempHome()
    const core = demoCore(home)
    const error = await refused(home, core, 'many-bad-lines.jsonl')
    const lines = error.message.split('\n')
    expect(lines[0]).toMatch(/^many-bad-lines\.jsonl, row 2 \(line 2\): the line is not valid JSON/)
    expect(lines).toContain('…and 20 more problems')
    expect(lines.length).toBe(12)
    core.close()
  })

  it('shows the preview values as plain data', async () => {
    const core = demoCore(tempHome())
    const preview = await call<ImportPreview>(core, 'datasets.importPreview', {
      fileName: 'big-numbers.jsonl',
      contentBase64: base64(fixture('big-numbers.jsonl')),
    })
    expect(preview.firstRows[0]?.values).toMatchObject({
      id: '12345678901234567890',
      question: '1e400',
      small: 2.5,
    })
    core.close()
  })
})

import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { internalErrorLine, reportError } from '../../../electron/main/cli/errors'
import { exitCodes } from '../../../electron/main/cli/io'
import { AppError } from '../../../shared/contract'
import { captureIo } from './cli-helpers'

describe('errors a user was not meant to see', () => {
  it('a ZodError, an internal core failure or a TypeError is one line and exit 4', () => {
    const zod = z.record(z.string(), z.string()).safeParse(42).error
    const internal = new AppError('INTERNAL', 'Unexpected error: [\n  {\n    "code": "x"\n  }\n]')
    for (const error of [zod, internal, new TypeError('x is not a function')]) {
      const captured = captureIo()
      expect(reportError(captured.io, 'gate', error)).toBe(exitCodes.internal)
      expect(captured.err().trimEnd().split('\n')).toHaveLength(1)
      expect(captured.err()).toMatch(/^evallab gate: internal error \(a bug in evallab; set EVALLAB_DEBUG=1/)
    }
    expect(internalErrorLine('run', zod)).toMatch(/: invalid data \(value: Invalid input: expected record/)
  })

  it('prints the stack under EVALLAB_DEBUG; a workspace or input error stays exit 3', () => {
    const debug = captureIo({ EVALLAB_DEBUG: '1' })
    expect(reportError(debug.io, 'run', new TypeError('boom'))).toBe(exitCodes.internal)
    expect(debug.err()).toMatch(/^TypeError: boom\n\s+at /m)
    const notFound = captureIo()
    expect(reportError(notFound.io, 'export', new AppError('NOT_FOUND', 'No prompt named "x"'))).toBe(3)
    expect(notFound.err()).toBe('evallab export: No prompt named "x"\n')
  })
})

import { describe, expect, it } from 'vitest'
import { unpackedFromAsar } from '../../../../../electron/main/core/scoring/code/worker-url'

describe('unpackedFromAsar', () => {
  it('points a worker inside app.asar at the unpacked copy beside the archive', () => {
    const inAsar = new URL('file:///opt/Eval%20Lab/resources/app.asar/out/main/code-sandbox-worker.js')
    expect(unpackedFromAsar(inAsar).href).toBe(
      'file:///opt/Eval%20Lab/resources/app.asar.unpacked/out/main/code-sandbox-worker.js',
    )
    const windows = new URL(
      'file:///C:/Program%20Files/Eval%20Lab/resources/app.asar/out/main/code-sandbox-worker.js',
    )
    expect(unpackedFromAsar(windows).pathname).toBe(
      '/C:/Program%20Files/Eval%20Lab/resources/app.asar.unpacked/out/main/code-sandbox-worker.js',
    )
  })

  it('leaves a build run from the project, and a data: URL, unchanged', () => {
    const built = new URL('file:///work/eval-lab/out/main/code-sandbox-worker.js')
    expect(unpackedFromAsar(built).href).toBe(built.href)
    const named = new URL('file:///work/app.asar.unpacked/out/main/code-sandbox-worker.js')
    expect(unpackedFromAsar(named).href).toBe(named.href)
    const data = new URL('data:text/javascript,app.asar/')
    expect(unpackedFromAsar(data)).toBe(data)
  })
})

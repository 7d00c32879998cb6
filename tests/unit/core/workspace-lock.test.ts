import { writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../../electron/main/core'
import { useTempHomes } from '../../fixtures/temp-home'

const newHome = useTempHomes()

describe('workspace lock', () => {
  it('refuses a second opener while the first holds the workspace, then lets it in after close', () => {
    const home = newHome()
    const first = openCore({ home, seedDemo: false })
    const second = openCore({ home, seedDemo: false })
    expect(second.status.state === 'failed' && second.status.failure.kind).toBe('locked')
    expect(second.status.state === 'failed' && second.status.failure.message).toContain(
      `process ${process.pid}`,
    )
    first.close()
    const third = openCore({ home, seedDemo: false })
    expect(third.status.state).toBe('ready')
    third.close()
  })

  it('takes over a lock left by a process that no longer exists', () => {
    const home = newHome()
    writeFileSync(
      join(home, 'evallab.lock'),
      JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), since: 'x' }),
    )
    const core = openCore({ home, seedDemo: false })
    expect(core.status.state).toBe('ready')
    core.close()
  })

  it('answers app.status and refuses everything else when the workspace failed', async () => {
    const home = newHome()
    const first = openCore({ home, seedDemo: false })
    const second = openCore({ home, seedDemo: false })
    const status = await second.dispatch('app.status', {})
    expect(status.ok && (status.value as { state: string }).state).toBe('failed')
    const list = await second.dispatch('prompts.list', {})
    expect(list.ok === false && list.error.code).toBe('WORKSPACE_UNAVAILABLE')
    first.close()
  })
})

import { describe, expect, it } from 'vitest'
import { toolParamProblems } from '../../../../electron/main/core/llm/providers/tool-check'
import type { ModelParams, PromptVersion } from '../../../../shared/domain/prompts'
import type { Run } from '../../../../shared/domain/runs'
import { useTempHomes } from '../../../fixtures/temp-home'
import { openContext } from '../bundles/import-helpers'
import { call, failure } from '../core-calls'
import { agentCore, agentTools, agentWorkspace, planOf } from './agent-workspace'
import { ScriptedAgent } from './scripted-agent'

const tempHome = useTempHomes()

/**
 * Version 2 stored with broken tools straight through the repo, behind the save checks — as an older build or a
 * hand-edited folder could leave it. Returns its id.
 */
function storeBrokenVersion(home: string, firstId: string, params: ModelParams): string {
  const { ctx, close } = openContext(home, { seedDemo: false })
  const first = ctx.repos.prompts.versionById(firstId)
  if (!first) throw new Error('no version 1')
  const version: PromptVersion = { ...first, id: 'pv_broken000000000', number: 2, params, contentHash: 'x' }
  ctx.repos.prompts.insertVersion(version)
  close()
  return version.id
}

const [lookup, route] = agentTools
if (!lookup || !route) throw new Error('agent tools')
const twice = [lookup, route, lookup]

describe('a plan naming a version whose tools the adapters would refuse', () => {
  it('is refused once by runs.plan and runs.start with every problem named; nothing is called or stored', async () => {
    const home = tempHome()
    const agent = new ScriptedAgent('acme-agents', () => ({ text: 'never' }))
    const setup = agentCore(home, agent)
    const ws = await agentWorkspace(setup, {})
    setup.close()
    const params: ModelParams = {
      temperature: 0,
      tools: twice,
      toolChoice: { name: 'escalate' },
      maxToolSteps: 4,
    }
    const brokenId = storeBrokenVersion(home, ws.versionId, params)
    const core = agentCore(home, agent)
    const problems = toolParamProblems(params)
    expect(problems.length).toBe(2)

    // The sound version 1 plans; the plan naming version 2 as well is refused.
    await call(core, 'runs.plan', planOf(ws))
    const both = planOf(ws, { promptVersionIds: [ws.versionId, brokenId] })
    const estimate = await failure(core, 'runs.plan', both)
    expect(estimate.code).toBe('INVALID_INPUT')
    expect(estimate.message).toBe(
      `Order agent v2 cannot run: ${problems.join('; ')}. Save a corrected version and run that.`,
    )
    expect(estimate.message).toContain('the name "lookup_order" is used twice')
    expect(estimate.message).toContain('toolChoice names "escalate"')
    const start = await failure(core, 'runs.start', { ...both, name: 'Broken tools' })
    expect(start.message).toBe(estimate.message)
    expect(agent.calls).toHaveLength(0)
    expect(await call<Run[]>(core, 'runs.list', {})).toEqual([])
    core.close()
  })

  it('refuses a JSON Schema response format that does not compile', async () => {
    const agent = new ScriptedAgent('acme-agents', () => ({ text: 'done' }))
    const core = agentCore(tempHome(), agent)
    const ws = await agentWorkspace(
      core,
      {},
      {
        responseFormat: {
          type: 'json_schema',
          name: 'ticket',
          schema: { type: 'object', required: 'queue' },
        },
      },
    )
    const refused = await failure(core, 'runs.plan', planOf(ws))
    expect(refused.message).toMatch(
      /^Order agent v1 cannot run: responseFormat "ticket": the schema is not a valid JSON Schema: /,
    )
    expect(agent.calls).toHaveLength(0)
    core.close()
  })
})

import { describe, expect, it } from 'vitest'
import { adviseModel } from '../../../shared/lib/model-aliases'

describe('model pinning advice for AWS Bedrock ids', () => {
  it('reads a versioned Bedrock id (-v1:0) as pinned, on a Bedrock provider only', () => {
    const haiku = { provider: 'bedrock-eu', model: 'anthropic.claude-3-5-haiku-20241022-v1:0' }
    expect(adviseModel(haiku, 'bedrock').movingAlias).toBe(false)
    expect(
      adviseModel({ provider: 'bedrock-eu', model: 'amazon.nova-lite-v1:0' }, 'bedrock').movingAlias,
    ).toBe(false)
    expect(adviseModel({ provider: 'bedrock-eu', model: 'amazon.nova-lite' }, 'bedrock').movingAlias).toBe(
      true,
    )
    expect(adviseModel({ provider: 'acme', model: 'amazon.nova-lite-v1:0' }, 'openai').movingAlias).toBe(true)
  })
})

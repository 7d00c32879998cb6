import { describe, expect, it } from 'vitest'
import {
  distinctModels,
  identityLabel,
  inSlice,
  repeatedModels,
  resultKey,
  sameSlice,
  sliceId,
} from '../../../shared/lib/model-identity'

const ollama = { provider: 'local-llm', model: 'qwen2.5' }
const vllm = { provider: 'vllm-box', model: 'qwen2.5' }
const slice = (provider: string) => ({ promptVersionId: 'pv', provider, modelId: 'qwen2.5' })

describe('model identity of results and slices', () => {
  it('tells one model id through two providers apart in slices and result keys', () => {
    expect(sameSlice(slice('local-llm'), slice('vllm-box'))).toBe(false)
    expect(sliceId(slice('local-llm'))).not.toBe(sliceId(slice('vllm-box')))
    const row = { ...slice('vllm-box'), caseId: 'c1', repeat: 0 }
    expect([row].filter(inSlice(slice('vllm-box')))).toEqual([row])
    expect([row].filter(inSlice(slice('local-llm')))).toEqual([])
    const key = (provider: string) => resultKey({ ...slice(provider), caseId: 'c1', repeat: 0 })
    expect(key('local-llm')).not.toBe(key('vllm-box'))
  })

  it('keeps the model id whole when it holds slashes or the separator of another field', () => {
    const a = { promptVersionId: 'pv', provider: 'gw', modelId: 'meta-llama/Llama-3.1-8B' }
    const b = { promptVersionId: 'pv', provider: 'gw/meta-llama', modelId: 'Llama-3.1-8B' }
    expect(sliceId(a)).not.toBe(sliceId(b))
    expect(identityLabel(a)).toBe('gw/meta-llama/Llama-3.1-8B')
    expect(identityLabel({ provider: null, modelId: 'qwen2.5' })).toBe('qwen2.5')
  })

  it('drops and names only exact repeats of a provider/model', () => {
    expect(distinctModels([ollama, vllm, { ...ollama }])).toEqual([ollama, vllm])
    expect(repeatedModels([ollama, vllm])).toEqual([])
    expect(repeatedModels([ollama, vllm, { ...ollama }, { ...ollama }])).toEqual(['local-llm/qwen2.5'])
  })
})

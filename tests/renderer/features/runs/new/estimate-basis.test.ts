import { describe, expect, it } from 'vitest'
import {
  describeOutputBasis,
  describeTimeBasis,
} from '../../../../../renderer/src/features/runs/new/estimate-basis'
import type { OutputTokensBasis } from '../../../../../shared/domain/runs'

const pair = { promptVersionId: 'pv1', provider: 'local-llm', model: 'qwen' }

describe('estimate basis, in words', () => {
  it('names the calls a time comes from, or what it assumes', () => {
    expect(
      describeTimeBasis([
        { kind: 'observed', provider: 'local-llm', calls: 240, p50Ms: 812, meanMs: 901 },
        { kind: 'assumed', provider: 'openai', secondsPerCall: 2 },
      ]),
    ).toBe(
      'based on 240 recent calls to local-llm (P50 0.8 s); assumes 2 s a call to openai (no recent calls)',
    )
    expect(
      describeTimeBasis([{ kind: 'observed', provider: 'fast', calls: 12, p50Ms: 42, meanMs: 50 }]),
    ).toBe('based on 12 recent calls to fast (P50 42 ms)')
  })

  it('says whether output lengths were seen or assumed', () => {
    const seen: OutputTokensBasis = {
      kind: 'observed',
      ...pair,
      scope: 'version',
      calls: 50,
      meanTokens: 180,
    }
    const capped: OutputTokensBasis = { kind: 'assumed', ...pair, source: 'max_tokens', tokensPerCall: 512 }
    const unset: OutputTokensBasis = { kind: 'assumed', ...pair, source: 'default', tokensPerCall: 256 }
    expect(describeOutputBasis([seen])).toBe('Output length from 50 recent answers (mean 180 tokens).')
    expect(describeOutputBasis([capped])).toBe(
      'Assumes each answer uses its max tokens (512): no recent answers to go by.',
    )
    expect(describeOutputBasis([unset])).toBe(
      'Assumes 256 output tokens an answer (no max tokens set): no recent answers to go by.',
    )
    expect(describeOutputBasis([seen, capped])).toBe(
      'Output length from 50 recent answers (mean 180 tokens) for 1 of 2 version × model pairs; ' +
        'the others assume their max tokens (256 tokens without one).',
    )
  })
})

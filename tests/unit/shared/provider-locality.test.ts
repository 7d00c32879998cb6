import { describe, expect, it } from 'vitest'
import { addressPlace, providerLocality } from '../../../shared/lib/provider-locality'

describe('addressPlace', () => {
  it.each([
    ['http://127.0.0.1:11434/v1', 'loopback'],
    ['http://localhost:8000/v1', 'loopback'],
    ['http://vllm.localhost/v1', 'loopback'],
    ['http://[::1]:8000/v1', 'loopback'],
    ['http://[::ffff:127.0.0.1]:8000/v1', 'loopback'],
    ['http://2130706433/v1', 'loopback'], // 127.0.0.1 written as one number
    ['http://10.1.2.3/v1', 'private'],
    ['http://172.20.0.5:8000/v1', 'private'],
    ['http://192.168.1.20:11434/v1', 'private'],
    ['http://100.101.102.103/v1', 'private'],
    ['http://[fd12:3456::1]/v1', 'private'],
    ['http://ollama:11434/v1', 'private'],
    ['http://gpu-box.local:8000/v1', 'private'],
    ['https://api.openai.com/v1', 'public'],
    ['https://openrouter.ai/api/v1', 'public'],
    ['http://172.32.0.1/v1', 'public'],
    ['http://8.8.8.8/v1', 'public'],
    ['http://[2001:db8::1]/v1', 'public'],
  ])('%s is %s', (url, place) => {
    expect(addressPlace(url)).toBe(place)
  })
})

describe('providerLocality', () => {
  const compatible = (baseUrl: string) =>
    providerLocality({ kind: 'openai-compatible', baseUrl, locality: 'auto' })

  it('treats a server on this machine or the local network as free', () => {
    expect(compatible('http://127.0.0.1:11434/v1')).toEqual({ isLocal: true, reason: 'loopback address' })
    expect(compatible('http://192.168.1.20/v1').isLocal).toBe(true)
  })

  it('prices a hosted gateway', () => {
    expect(compatible('https://gateway.example.com/v1')).toEqual({ isLocal: false, reason: 'public address' })
  })

  it("prices the vendors' APIs even behind a local proxy", () => {
    const proxied = providerLocality({ kind: 'openai', baseUrl: 'http://127.0.0.1:4000', locality: 'auto' })
    expect(proxied.isLocal).toBe(false)
  })

  it("follows the user's word over the address", () => {
    const paidProxy = providerLocality({
      kind: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:4000/v1',
      locality: 'hosted',
    })
    expect(paidProxy).toEqual({ isLocal: false, reason: 'marked hosted' })
    const lanBox = providerLocality({
      kind: 'openai-compatible',
      baseUrl: 'https://llm.corp.example.com/v1',
      locality: 'local',
    })
    expect(lanBox.isLocal).toBe(true)
  })
})

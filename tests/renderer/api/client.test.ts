import { describe, expect, it, vi } from 'vitest'
import { ApiError, createClient, createMemoryTransport, TransportError } from '../../../renderer/src/api'
import { AppError, type Transport } from '../../../shared/contract'
import { readyStatus } from '../fixtures/fake-core'

describe('createClient', () => {
  it('turns {ok:false} into an ApiError carrying the code, message and details', async () => {
    const client = createClient({
      rpc: () =>
        Promise.resolve({
          ok: false,
          error: { code: 'CONFLICT', message: 'newer version', details: { v: 3 } },
        }),
      on: () => () => undefined,
    })
    const error = await client.call('prompts.list', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'newer version',
      details: { v: 3 },
      method: 'prompts.list',
    })
  })

  it('returns the validated output on success', async () => {
    const client = createClient(createMemoryTransport({ 'app.status': () => readyStatus }))
    await expect(client.call('app.status', {})).resolves.toEqual(readyStatus)
  })

  it('rejects a reply that does not match the contract as INTERNAL', async () => {
    const transport: Transport = {
      rpc: () => Promise.resolve({ ok: true, value: { state: 'odd' } }),
      on: () => () => undefined,
    }
    await expect(createClient(transport).call('app.status', {})).rejects.toMatchObject({ code: 'INTERNAL' })
  })

  it('reports an unreachable core as a TransportError', async () => {
    const transport: Transport = {
      rpc: () => Promise.reject(new Error('ipc closed')),
      on: () => () => undefined,
    }
    const error = await createClient(transport)
      .call('app.status', {})
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect((error as Error).message).toContain('ipc closed')
  })

  it('delivers valid event payloads and drops malformed ones', () => {
    const transport = createMemoryTransport({})
    const client = createClient({ rpc: transport.rpc, on: transport.on })
    const listener = vi.fn()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    client.on('db.changed', listener)
    transport.emit('db.changed', { tables: ['prompts'] })
    // Bypass the memory transport's own check to simulate a host sending garbage.
    const raw = vi.fn<(payload: unknown) => void>()
    const unsafe: Transport = {
      rpc: transport.rpc,
      on: (_e, l) => (raw.mockImplementation(l), () => undefined),
    }
    createClient(unsafe).on('db.changed', listener)
    raw({ tables: 'prompts' })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener).toHaveBeenCalledWith({ tables: ['prompts'] })
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
  })
})

describe('createMemoryTransport', () => {
  it('validates input like the core and names the field', async () => {
    const client = createClient(
      createMemoryTransport({ 'prompts.saveVersion': () => Promise.reject(new Error('unreached')) }),
    )
    const error = await client
      .call('prompts.saveVersion', {
        promptId: 'p1',
        baseVersionId: 'v1',
        messages: [{ role: 'user', content: 'hi' }],
        message: '   ',
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'INVALID_INPUT' })
    expect((error as Error).message).toContain('The value of “message” was not accepted')
  })

  it('turns a thrown AppError into its envelope and announces writes', async () => {
    const transport = createMemoryTransport({
      'prompts.get': () => {
        throw new AppError('NOT_FOUND', 'No prompt with id x')
      },
    })
    await expect(transport.rpc('prompts.get', { id: 'x' })).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No prompt with id x' },
    })
    await expect(transport.rpc('no.such' as never, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    })
  })

  it('fails loudly when a handler returns output outside the contract', async () => {
    const transport = createMemoryTransport({ 'datasets.list': () => [{ id: 'd1' }] as never })
    await expect(transport.rpc('datasets.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
  })
})

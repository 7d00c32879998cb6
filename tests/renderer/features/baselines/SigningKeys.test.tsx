import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { byId, callsOf, openApp } from './helpers'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  history.replaceState(null, '', '/')
})

const openSettings = () => openApp({ initialRoute: 'settings' })

describe('signing keys in Settings', () => {
  it('says what to do when there is no key, then creates one for the user named in the field', async () => {
    const { core } = await openSettings()
    await screen.findByTestId('signing-keys-empty')
    const owner = byId<HTMLInputElement>('signing-key-owner')
    expect(owner.value).toBe('ana')
    fireEvent.change(owner, { target: { value: 'Priya Shah' } })
    fireEvent.click(byId('signing-key-create'))
    const row = await screen.findByTestId('signing-key-row')
    expect(row.textContent).toContain('Priya Shah')
    expect(row.textContent).toContain('0000000000000001')
    expect(within(row).getByTestId('signing-key-storage').textContent).toBe(
      'This session only (browser host): the key is lost when the host stops',
    )
    expect(callsOf(core, 'signingKeys.create')).toEqual([{ owner: 'Priya Shah' }])
    expect(screen.queryByTestId('signing-keys-empty')).toBeNull()
  })

  it('downloads the public key file through a Blob link', async () => {
    await openApp({ initialRoute: 'settings' }, (_, b) => {
      b.keys.push({
        keyId: 'aaaaaaaaaaaaaaaa',
        owner: 'ana',
        createdAt: '2025-03-01T10:00:00.000Z',
        publicKey: 'MCow',
        storage: 'safe-storage',
      })
    })
    const row = await screen.findByTestId('signing-key-row')
    expect(row.textContent).toContain('Protected by the OS keychain')
    const createUrl = vi.fn(() => 'blob:key')
    Object.assign(URL, { createObjectURL: createUrl, revokeObjectURL: vi.fn() })
    const clicks: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download)
    })
    fireEvent.click(within(row).getByTestId('signing-key-export'))
    await waitFor(() => expect(clicks).toEqual(['ana.public-key.json']))
    expect(createUrl).toHaveBeenCalledTimes(1)
  })

  it('deletes a key only after a confirmation', async () => {
    const { core } = await openApp({ initialRoute: 'settings' }, (_, b) => {
      b.keys.push({
        keyId: 'bbbbbbbbbbbbbbbb',
        owner: 'ana',
        createdAt: '2025-03-01T10:00:00.000Z',
        publicKey: 'MCow',
        storage: 'safe-storage',
      })
    })
    const row = await screen.findByTestId('signing-key-row')
    fireEvent.click(within(row).getByTestId('signing-key-delete'))
    expect(callsOf(core, 'signingKeys.delete')).toEqual([])
    fireEvent.click(within(row).getByTestId('signing-key-delete-confirm'))
    await waitFor(() => expect(screen.queryByTestId('signing-key-row')).toBeNull())
    expect(callsOf(core, 'signingKeys.delete')).toEqual([{ keyId: 'bbbbbbbbbbbbbbbb' }])
  })
})

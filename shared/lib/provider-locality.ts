import type { ProviderKind, ProviderLocality } from '../domain/providers'

export interface LocalityVerdict {
  isLocal: boolean
  /** A few words a settings row or a price note can show: why the provider is (not) free. */
  reason: string
}

export interface LocalityInput {
  kind: ProviderKind
  baseUrl: string | null | undefined
  locality: ProviderLocality
}

/**
 * Whether a provider's calls cost money. The simulated model is free; the user's word wins; the vendors' own
 * APIs are hosted whatever URL they sit behind (a proxy on localhost still bills the vendor); an
 * OpenAI-compatible server is local when its base URL is on this machine or a private network.
 */
export function providerLocality(input: LocalityInput): LocalityVerdict {
  if (input.kind === 'demo') return { isLocal: true, reason: 'simulated model' }
  if (input.locality === 'local') return { isLocal: true, reason: 'marked local' }
  if (input.locality === 'hosted') return { isLocal: false, reason: 'marked hosted' }
  if (input.kind !== 'openai-compatible') return { isLocal: false, reason: 'hosted API' }
  const place = input.baseUrl ? addressPlace(input.baseUrl) : null
  if (place === 'loopback') return { isLocal: true, reason: 'loopback address' }
  if (place === 'private') return { isLocal: true, reason: 'private network address' }
  return { isLocal: false, reason: 'public address' }
}

type Place = 'loopback' | 'private' | 'public'

/** Where a base URL points, from its host as the WHATWG URL parser normalises it (IPv4 forms, IPv6). */
export function addressPlace(baseUrl: string): Place | null {
  let host: string
  try {
    host = new URL(baseUrl).hostname.toLowerCase()
  } catch {
    return null
  }
  if (host.startsWith('[') && host.endsWith(']')) return ipv6Place(host.slice(1, -1))
  const v4 = ipv4Octets(host)
  if (v4) return ipv4Place(v4)
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback'
  // A single-label name (a container or LAN host such as "ollama") or an mDNS ".local" name never
  // resolves on the public internet.
  if (!host.includes('.') || host.endsWith('.local')) return 'private'
  return 'public'
}

function ipv4Octets(host: string): number[] | null {
  const parts = host.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null
  const octets = parts.map(Number)
  return octets.every((o) => o <= 255) ? octets : null
}

function ipv4Place([a = 0, b = 0]: number[]): Place {
  if (a === 127) return 'loopback'
  const isPrivate =
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) || // link-local
    (a === 100 && b >= 64 && b <= 127) // carrier-grade NAT, also used by Tailscale
  return isPrivate ? 'private' : 'public'
}

function ipv6Place(address: string): Place {
  if (address === '::1') return 'loopback'
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address)
  if (mapped?.[1] && mapped[2]) {
    const hi = parseInt(mapped[1], 16)
    const lo = parseInt(mapped[2], 16)
    return ipv4Place([hi >> 8, hi & 255, lo >> 8, lo & 255])
  }
  const first = parseInt(address.split(':')[0] || '0', 16)
  if ((first & 0xfe00) === 0xfc00) return 'private' // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return 'private' // link-local fe80::/10
  return 'public'
}

/**
 * Address policy for the verifier's fetcher: which hosts a badge may make us request.
 *
 * A hostile badge can name any URL (its `id`, `badge`, `issuer`, `publicKey`, `revocationList`, image,
 * extension contexts...). Requests to loopback, private, link-local, unique-local, unspecified, multicast
 * or otherwise non-global addresses are refused unless the caller opts in, so a badge cannot make the
 * verifier probe the network it runs in (SSRF: cloud metadata at 169.254.169.254, admin ports on
 * 127.0.0.1...).
 *
 * Pure functions, no I/O: the DNS lookup lives in `fetcher.ts`.
 */

/** Why an address or host name is refused; `null` when it is globally routable. */
export type AddressClass =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'unspecified'
  | 'multicast'
  | 'reserved'
  | 'localhost'

/**
 * Parses an IPv4 address in any form a URL parser or resolver accepts: dotted quad, fewer parts
 * (`127.1`), decimal (`2130706433`), octal (`0177.0.0.1`) or hex (`0x7f.0.0.1`) parts.
 * Returns the 32-bit value, or null when `text` is not an IPv4 literal.
 */
export function parseIPv4(text: string): number | null {
  if (text.length === 0 || text.length > 64 || !/^[0-9a-fA-FxX.]+$/.test(text)) return null
  const parts = text.endsWith('.') ? text.slice(0, -1).split('.') : text.split('.')
  if (parts.length === 0 || parts.length > 4) return null
  const values: number[] = []
  for (const part of parts) {
    let value: number
    if (/^0[xX][0-9a-fA-F]*$/.test(part)) value = part.length === 2 ? 0 : parseInt(part.slice(2), 16)
    else if (/^0[0-7]+$/.test(part)) value = parseInt(part.slice(1), 8)
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = parseInt(part, 10)
    else return null
    if (!Number.isFinite(value)) return null
    values.push(value)
  }
  const last = values.pop() as number
  for (const v of values) if (v > 255) return null
  const lastMax = 2 ** (8 * (4 - values.length))
  if (last >= lastMax) return null
  let result = 0
  for (const v of values) result = result * 256 + v
  return result * lastMax + last
}

/** Parses an IPv6 literal (with or without brackets, with an optional embedded IPv4 tail) into 8 groups. */
export function parseIPv6(text: string): number[] | null {
  let s = text
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1)
  const zone = s.indexOf('%')
  if (zone >= 0) s = s.slice(0, zone)
  if (!s.includes(':') || s.length > 64) return null
  let tail: number[] = []
  const lastColon = s.lastIndexOf(':')
  const lastPart = s.slice(lastColon + 1)
  if (lastPart.includes('.')) {
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(lastPart)) return null
    const octets = lastPart.split('.').map(Number)
    if (octets.some((o) => o > 255)) return null
    const [a, b, c, d] = octets as [number, number, number, number]
    tail = [(a << 8) | b, (c << 8) | d]
    s = s.slice(0, lastColon + 1) + '0'
    // Replace the IPv4 tail by a placeholder group, fixed up below.
  }
  const halves = s.split('::')
  if (halves.length > 2) return null
  const parseGroups = (h: string): number[] | null => {
    if (h === '') return []
    const groups = h.split(':')
    const out: number[] = []
    for (const g of groups) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null
      out.push(parseInt(g, 16))
    }
    return out
  }
  const head = parseGroups(halves[0] ?? '')
  const rest = halves.length === 2 ? parseGroups(halves[1] ?? '') : []
  if (!head || !rest) return null
  let groups: number[]
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length - (tail.length ? 1 : 0)
    if (missing < 1) return null
    groups = [...head, ...new Array<number>(missing).fill(0), ...rest]
  } else {
    groups = head
  }
  if (tail.length) {
    groups.pop()
    groups.push(...tail)
  }
  return groups.length === 8 ? groups : null
}

function inRange(ip: number, base: string, bits: number): boolean {
  const b = parseIPv4(base) as number
  const size = 2 ** (32 - bits)
  return ip >= b && ip < b + size
}

/** Classifies a 32-bit IPv4 address; null when it is globally routable. */
export function classifyIPv4(ip: number): AddressClass | null {
  if (inRange(ip, '0.0.0.0', 8)) return 'unspecified'
  if (inRange(ip, '127.0.0.0', 8)) return 'loopback'
  if (inRange(ip, '10.0.0.0', 8) || inRange(ip, '172.16.0.0', 12) || inRange(ip, '192.168.0.0', 16)) return 'private'
  if (inRange(ip, '100.64.0.0', 10)) return 'private' // carrier-grade NAT (shared address space)
  if (inRange(ip, '169.254.0.0', 16)) return 'link-local'
  if (inRange(ip, '224.0.0.0', 4)) return 'multicast'
  if (
    inRange(ip, '192.0.0.0', 24) || // IETF protocol assignments
    inRange(ip, '192.0.2.0', 24) || // documentation
    inRange(ip, '198.18.0.0', 15) || // benchmarking
    inRange(ip, '198.51.100.0', 24) ||
    inRange(ip, '203.0.113.0', 24) ||
    inRange(ip, '240.0.0.0', 4) // reserved, includes 255.255.255.255
  )
    return 'reserved'
  return null
}

/** Classifies an IPv6 address given as 8 groups; null when it is globally routable. */
export function classifyIPv6(g: number[]): AddressClass | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g
  const v4 = (hi: number, lo: number) => hi * 65536 + lo
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    if (g5 === 0 && g6 === 0 && g7 === 0) return 'unspecified'
    if (g5 === 0 && g6 === 0 && g7 === 1) return 'loopback'
    // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible, deprecated): judge the IPv4 inside.
    if (g5 === 0xffff || g5 === 0) return classifyIPv4(v4(g6, g7)) ?? (g5 === 0 ? 'reserved' : null)
  }
  // ::ffff:0:a.b.c.d (IPv4-translated) and 64:ff9b::/96, 64:ff9b:1::/48 (NAT64): the embedded IPv4 decides.
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0xffff && g5 === 0) return classifyIPv4(v4(g6, g7))
  if (g0 === 0x64 && g1 === 0xff9b) return classifyIPv4(v4(g6, g7))
  if (g0 === 0x2002) return classifyIPv4(v4(g1, g2)) // 6to4 embeds the IPv4 in bits 16..47
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local'
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'
  if ((g0 & 0xffc0) === 0xfec0) return 'private' // site-local (deprecated)
  if ((g0 & 0xff00) === 0xff00) return 'multicast'
  if (g0 === 0x2001 && g1 === 0x0db8) return 'reserved' // documentation
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return 'reserved' // discard-only
  return null
}

/** Classifies an IP address literal (IPv4 in any form, IPv6 with or without brackets); undefined when not a literal. */
export function classifyAddress(text: string): AddressClass | null | undefined {
  const v4 = parseIPv4(text)
  if (v4 !== null) return classifyIPv4(v4)
  const v6 = parseIPv6(text)
  if (v6 !== null) return classifyIPv6(v6)
  return undefined
}

/**
 * Classifies a URL host name as the URL parser gives it (`url.hostname`): `localhost` and `*.localhost`
 * (with or without a trailing dot), or an IP literal. Returns null for a name that needs DNS to judge.
 */
export function classifyHostname(hostname: string): AddressClass | null {
  const known = hostnameClasses.get(hostname)
  if (known !== undefined) return known
  const cls = classifyHostnameUncached(hostname)
  if (hostnameClasses.size >= 512) hostnameClasses.clear()
  hostnameClasses.set(hostname, cls)
  return cls
}

const hostnameClasses = new Map<string, AddressClass | null>()

function classifyHostnameUncached(hostname: string): AddressClass | null {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  if (host === '' ) return 'unspecified'
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost'
  const literal = classifyAddress(host)
  return literal === undefined ? null : literal
}

/**
 * Which crypto the running platform offers, detected at run time and never imported statically, so the
 * module stays usable in browsers and edge runtimes:
 * - `node:crypto` through `process.getBuiltinModule` (Node ≥ 20.16): synchronous verify, the fastest path;
 * - WebCrypto (`globalThis.crypto.subtle`) everywhere else, including Ed25519 where the platform has it;
 * - `@noble/ed25519` for Ed25519 where WebCrypto lacks it.
 */
import type * as NodeCryptoModule from 'node:crypto'

type NodeCrypto = typeof NodeCryptoModule

interface PlatformOverride {
  /** `false` hides node:crypto (forces the WebCrypto path). */
  nodeCrypto?: boolean
  /** `false` pretends WebCrypto lacks Ed25519 (forces @noble/ed25519). */
  webCryptoEd25519?: boolean
}

let override: PlatformOverride = {}
let cachedNode: NodeCrypto | null | undefined
let ed25519Probe: Promise<boolean> | undefined

/**
 * Test hook: pretend the platform lacks node:crypto and/or WebCrypto Ed25519. Not part of the public API.
 * Key handles created before the change keep the backend objects they already built.
 */
export function setPlatformOverrideForTesting(next: PlatformOverride): void {
  override = { ...next }
}

/** node:crypto when running on Node with `process.getBuiltinModule`, else `undefined`. */
export function nodeCrypto(): NodeCrypto | undefined {
  if (override.nodeCrypto === false) return undefined
  if (cachedNode === undefined) {
    cachedNode = null
    try {
      const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
      const mod = proc?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined
      if (mod && typeof mod.verify === 'function' && typeof mod.createPublicKey === 'function') cachedNode = mod
    } catch {
      cachedNode = null
    }
  }
  return cachedNode ?? undefined
}

/** WebCrypto's SubtleCrypto. */
export function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle
  if (!s) throw new TypeError('WebCrypto (globalThis.crypto.subtle) is not available on this platform')
  return s
}

// RFC 8032 test 1 public key: a valid point to probe Ed25519 support with.
const PROBE_KEY = Uint8Array.from([
  0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a, 0x0e, 0xe1, 0x72,
  0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
])

/** Whether WebCrypto supports Ed25519 here (probed once). */
export function webCryptoHasEd25519(): Promise<boolean> {
  if (override.webCryptoEd25519 === false) return Promise.resolve(false)
  ed25519Probe ??= (async () => {
    try {
      await subtle().importKey('raw', PROBE_KEY, { name: 'Ed25519' }, false, ['verify'])
      return true
    } catch {
      return false
    }
  })()
  return ed25519Probe
}

/**
 * Hosting: the Request → Response badge host, stores (directory and memory), the node:http adapter,
 * and batch issuance.
 */
export { createBadgeHost } from './handler.js'
export type { BadgeHandler, BadgeHostOptions, CacheControlPolicy, StaticDocument } from './handler.js'
export { createNodeListener, listen } from './node.js'
export type { NodeListenerOptions, ListenOptions, RunningServer } from './node.js'
export { createFsStore } from './fs-store.js'
export type { FsBadgeStore, FsStoreOptions } from './fs-store.js'
export { createMemoryStore } from './memory-store.js'
export { contentTypeForKey, STATIC_CONTENT_TYPES, revokedStub } from './store.js'
export type { BadgeStore, StoredResource, PutOptions } from './store.js'
export { keyForId, idForKey, keyForPathname, isTraversalTarget, normalizeBaseUrl, isPublicKey, isStoreKey } from './paths.js'
export { negotiate } from './negotiate.js'
export type { DocumentRepresentation } from './negotiate.js'
export { escapeHtml } from './html.js'
export { HOST_CODES } from './codes.js'
export type { HostErrorCode } from './codes.js'

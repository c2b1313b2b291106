/**
 * `open-microcredentials/host`: the Request → Response badge host, stores (directory and memory), the
 * node:http adapter, publishing documents into a store, static export, and batch issuance from a CSV
 * roster.
 */
export { createBadgeHost, HOST_CORE } from './handler.js'
export type { BadgeHandler, BadgeHostOptions, CacheControlPolicy, HostCore, StaticDocument } from './handler.js'
export type { HostRequest, HostResponse } from './respond.js'
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
export { publishDocument } from './publish.js'
export type { PublishResult } from './publish.js'
export { issueBatch, batchSecret, BATCH_CODES } from './batch.js'
export type { IssueBatchOptions, RowOutcome, BatchSummary } from './batch.js'
export { readRoster, rowToAward, normalizeColumn, ROSTER_CODES } from './roster.js'
export type { RosterRecord, RosterRow, RosterHeader } from './roster.js'
export { parseCsv, formatCsvRecord, CSV_CODES } from './csv.js'
export type { CsvRecord, CsvOptions, CsvSource } from './csv.js'
export { HOST_CODES } from './codes.js'
export type { HostErrorCode } from './codes.js'

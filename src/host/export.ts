/**
 * Static export: copy a store's public files into another store (a directory to upload to a static
 * host or an object store), with this project's contexts and schemas at their paths, optionally an
 * extensionless copy of each document whose id has no extension, and optional HTML pages.
 */
import { projectDocuments } from '../jsonld/index.js'
import { createBadgeHost, HOST_CORE } from './handler.js'
import { hasExtension, keyForId, normalizeBaseUrl } from './paths.js'
import { isJsonType, type BadgeStore } from './store.js'

/** Options for {@link exportStaticSite}. */
export interface ExportOptions {
  /** The URL the export will be published under (the ids of the documents). */
  baseUrl: string | URL
  /**
   * Also write each JSON document whose id has no file extension (`<base>/assertions/<uuid>`) at that
   * exact path, without `.json`, so static hosts can serve the id URL as it is (set its content type:
   * docs/hosting.md). Default true.
   */
  extensionless?: boolean
  /** Also write `<name>.html`, the page a person sees, beside each issuer, MC and assertion. Default false. */
  html?: boolean
  /** The clock for HTML pages (expired status). */
  now?: () => Date
}

/** What {@link exportStaticSite} wrote. */
export interface ExportSummary {
  files: number
  documents: number
  extensionless: number
  pages: number
}

const decoder = new TextDecoder()

/**
 * Copies every public file of `source` into `target` (never the private `.omc/` area), adds this
 * project's extension contexts and schemas, and the extensionless copies and pages asked for.
 *
 * @throws OpenBadgesError `HOST_INVALID_BASE_URL`, `HOST_STORE_IO`
 * @example
 * await exportStaticSite(createFsStore('./badges'), createFsStore('./site'), { baseUrl: 'https://mc.example.org/' })
 */
export async function exportStaticSite(source: BadgeStore, target: BadgeStore, options: ExportOptions): Promise<ExportSummary> {
  const base = normalizeBaseUrl(options.baseUrl)
  const summary: ExportSummary = { files: 0, documents: 0, extensionless: 0, pages: 0 }
  const host = options.html ? createBadgeHost({ store: source, baseUrl: base, ...(options.now ? { now: options.now } : {}) })[HOST_CORE]! : undefined
  for await (const key of source.list()) {
    const found = await source.get(key)
    if (!found) continue
    await target.put(key, found.body)
    summary.files++
    if (!isJsonType(found.contentType)) continue
    summary.documents++
    let doc: { id?: unknown; type?: unknown }
    try {
      doc = JSON.parse(decoder.decode(found.body)) as { id?: unknown; type?: unknown }
    } catch {
      continue
    }
    const id = typeof doc?.id === 'string' ? doc.id : undefined
    if ((options.extensionless ?? true) && id !== undefined && keyForId(id, base) === key && key.endsWith('.json')) {
      const bare = key.slice(0, -'.json'.length)
      if (!hasExtension(bare) && bare.length > 0 && new URL(id).pathname.endsWith(bare.split('/').pop()!)) {
        await target.put(bare, found.body)
        summary.extensionless++
      }
    }
    if (host) {
      const types = (Array.isArray(doc?.type) ? doc.type : [doc?.type]).map(String)
      if (types.some((t) => ['Assertion', 'BadgeClass', 'Issuer', 'Profile'].includes(t))) {
        const page = await host({ method: 'GET', pathname: `${base.pathname}${key.split('/').map(encodeURIComponent).join('/')}`, format: 'html', header: () => null })
        if (page.body) {
          await target.put(`${key.replace(/\.json$/, '')}.html`, page.body)
          summary.pages++
        }
      }
    }
  }
  for (const doc of projectDocuments) {
    await target.put(doc.path.replace(/^\/+/, ''), `${JSON.stringify(doc.document, null, 2)}\n`)
    summary.files++
  }
  return summary
}

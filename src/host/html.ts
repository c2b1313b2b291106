/**
 * HTML building blocks for the pages a person sees when opening a badge URL in a browser. Everything
 * that comes from a document passes through {@link escapeHtml}; links are only emitted for http(s)
 * URLs (images also for `data:image/png|svg+xml|jpeg|gif|webp`), so a badge named `<script>` renders
 * as text and a `javascript:` criteria URL renders as plain text.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * escapeHtml('<script>alert(1)</script>') // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** A value as a plain string, or undefined (numbers and booleans stringified; objects ignored). */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

const SAFE_DATA_IMAGE = /^data:image\/(png|svg\+xml|jpeg|gif|webp)(;[a-z0-9=.+-]+)*(;base64)?,/i

/** True for a URL an `<img src>` may point at: http(s) or a data URI of an image type. */
export function isImageUrl(value: unknown): value is string {
  return isHttpUrl(value) || (typeof value === 'string' && SAFE_DATA_IMAGE.test(value))
}

/** A link when `href` is http(s), else the escaped label alone. */
export function link(href: unknown, label?: unknown): string {
  const shown = escapeHtml(label ?? href)
  return isHttpUrl(href) ? `<a href="${escapeHtml(href)}">${shown}</a>` : shown
}

/** The values of a one-or-many property as an array (undefined/null → []). */
export function many(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

/** A plain object, or undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** The plain objects among the values of a one-or-many property (other values skipped). */
export function objects(value: unknown): Array<Record<string, unknown>> {
  return many(value)
    .map(asObject)
    .filter((o): o is Record<string, unknown> => o !== undefined)
}

/** {@link text} escaped for HTML, or undefined when the value is not text. */
export function escapedText(value: unknown): string | undefined {
  const t = text(value)
  return t === undefined ? undefined : escapeHtml(t)
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })

/** A `<time>` element for an ISO 8601 date-time (shown in UTC), or the escaped text when unparseable. */
export function time(value: unknown): string {
  const raw = text(value)
  if (raw === undefined) return ''
  const ms = Date.parse(raw)
  if (Number.isNaN(ms)) return escapeHtml(raw)
  return `<time datetime="${escapeHtml(raw)}">${escapeHtml(DATE_FORMAT.format(new Date(ms)))} UTC</time>`
}

/** Multi-line text (narratives are Markdown in OB 2.0; shown as preformatted-wrapping text, not parsed). */
export function prose(value: unknown): string {
  const raw = text(value)
  return raw === undefined ? '' : `<div class="prose">${markdown(raw)}</div>`
}

/** Inline Markdown on escaped text: `**strong**`, `*em*`, `` `code` ``, `[text](http(s) URL)`. */
function inline(escaped: string): string {
  return escaped
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*\n]+)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/\[([^[\]\n]+)\]\((https?:\/\/[^\s()<>"]+)\)/g, '<a href="$2">$1</a>')
}

/**
 * The small, safe Markdown subset the Open Badges spec lets displayers choose ("Markdown Text": criteria
 * and evidence narratives): headings, bulleted and numbered lists, paragraphs, and the inline forms
 * above. Everything is escaped first; links are made only for http(s) URLs; raw HTML stays text.
 * Linear-time regexes only (no nested quantifiers), so hostile text cannot make it slow.
 */
export function markdown(source: string): string {
  const blocks = source.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)
  const out: string[] = []
  for (const block of blocks) {
    const trimmed = block.trim()
    if (trimmed === '') continue
    const lines = trimmed.split('\n')
    const heading = /^(#{1,6})[ \t]+(.*)$/.exec(trimmed)
    if (heading && lines.length === 1) {
      out.push(`<h3>${inline(escapeHtml(heading[2]!.replace(/[ \t]+#+[ \t]*$/, '')))}</h3>`)
    } else if (lines.every((l) => /^[ \t]*[-*+][ \t]+/.test(l))) {
      out.push(`<ul>${lines.map((l) => `<li>${inline(escapeHtml(l.replace(/^[ \t]*[-*+][ \t]+/, '')))}</li>`).join('')}</ul>`)
    } else if (lines.every((l) => /^[ \t]*\d{1,9}[.)][ \t]+/.test(l))) {
      out.push(`<ol>${lines.map((l) => `<li>${inline(escapeHtml(l.replace(/^[ \t]*\d{1,9}[.)][ \t]+/, '')))}</li>`).join('')}</ol>`)
    } else {
      out.push(`<p>${inline(escapeHtml(trimmed))}</p>`)
    }
  }
  return out.join('')
}

/** A `<section>` with an `<h2>` heading, or '' when the body is empty. */
export function section(id: string, heading: string, body: string): string {
  if (body.trim() === '') return ''
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2>${body}</section>`
}

/** A definition list of the rows that have a value (values are HTML already escaped by the caller). */
export function definitions(rows: Array<[string, string | undefined]>): string {
  const items = rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`)
  return items.length === 0 ? '' : `<dl>${items.join('')}</dl>`
}

/** `researchBasis` → `Research basis`; `extensions:ApplyLink` → `Apply link`. */
export function labelFor(key: string): string {
  const local = key.includes(':') ? key.slice(key.lastIndexOf(':') + 1) : key
  const words = local
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const MAX_DEPTH = 5
const MAX_ITEMS = 200

/**
 * Renders any JSON value readably: scalars as text (http(s) URLs as links, date-times as `<time>`),
 * arrays as lists, objects as definition lists; bounded in depth and length. JSON-LD keywords and
 * `type` markers are left out.
 */
export function renderValue(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') {
    if (isHttpUrl(value)) return link(value)
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return time(value)
    return escapeHtml(value)
  }
  if (typeof value === 'number' || typeof value === 'boolean') return escapeHtml(String(value))
  if (depth >= MAX_DEPTH) return '…'
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => `<li>${renderValue(v, depth + 1)}</li>`)
    if (value.length > MAX_ITEMS) items.push(`<li>… ${value.length - MAX_ITEMS} more</li>`)
    return items.length === 0 ? '' : `<ul>${items.join('')}</ul>`
  }
  if (typeof value === 'object') {
    const rows = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !k.startsWith('@') && k !== 'type')
      .slice(0, MAX_ITEMS)
      .map(([k, v]): [string, string] => [labelFor(k), renderValue(v, depth + 1)])
    return definitions(rows)
  }
  return ''
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--line:#d0d7de;--ok:#1a7f37;--bad:#b42318;--warn:#9a6700}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--line:#30363d;--ok:#3fb950;--bad:#f85149;--warn:#d29922}}
*{box-sizing:border-box}body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:52rem;margin:0 auto;padding:1.5rem 1rem 3rem}
header.badge{display:flex;gap:1.25rem;align-items:center;flex-wrap:wrap;border-bottom:1px solid var(--line);padding-bottom:1rem}
header.badge img{width:8rem;height:8rem;object-fit:contain}
h1{font-size:1.75rem;line-height:1.2;margin:.25rem 0}h2{font-size:1.2rem;margin:1.75rem 0 .5rem}
.kind{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;font-size:.8rem}
.status{display:inline-block;margin:.25rem 0 0;padding:.1rem .6rem;border:2px solid currentColor;border-radius:1rem;font-weight:600}
.status.active{color:var(--ok)}.status.revoked{color:var(--bad)}.status.expired{color:var(--warn)}
.prose p{white-space:pre-line}.prose h3{font-size:1rem}dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.3rem 1rem;margin:0}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}dd dl{grid-template-columns:max-content 1fr}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:.25rem 0}ul{padding-left:1.25rem;margin:.25rem 0}
pre{overflow:auto;border:1px solid var(--line);padding:.75rem;font-size:.85rem}
a{color:inherit}footer{margin-top:2.5rem;border-top:1px solid var(--line);padding-top:1rem;color:var(--muted)}
`

/** Options for {@link page}. */
export interface PageShell {
  title: string
  /** Inner HTML of `<main>` (already escaped). */
  body: string
  /** Link to the JSON-LD representation (for `<link rel="alternate">`). */
  jsonUrl?: string
}

/** The full HTML document around a page body. */
export function page(shell: PageShell): string {
  const alternate = shell.jsonUrl
    ? `<link rel="alternate" type="application/ld+json" href="${escapeHtml(shell.jsonUrl)}">`
    : ''
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(shell.title)}</title>${alternate}<style>${STYLE}</style></head>` +
    `<body><main>${shell.body}</main></body></html>\n`
  )
}

/** The Content-Security-Policy sent with every HTML page: no scripts, no frames, images from anywhere. */
export const HTML_CSP =
  "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

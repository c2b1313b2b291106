/**
 * The BadgeClass image: reachable, and a PNG or SVG. Problems are warnings: a missing picture does not
 * make a credential untrue.
 */
import { isObject } from './json.js'
import { isPng, isSvg } from './input.js'
import type { VerifyState } from './state.js'

function imageIri(image: unknown): string | undefined {
  if (typeof image === 'string') return image
  if (isObject(image) && typeof image.id === 'string') return image.id
  return undefined
}

const DATA_URI = /^data:([^;,]*)(;[^,]*)?,/i

/** Checks the BadgeClass image (fetched under the policy; data: URIs read in place). */
export async function checkBadgeImage(state: VerifyState): Promise<void> {
  const badgeClass = state.badgeClass
  if (!badgeClass || badgeClass.image === undefined) return
  const iri = imageIri(badgeClass.image)
  const path = '/badgeClass/image'
  if (iri === undefined) return // the data validation reports a malformed image property
  const data = DATA_URI.exec(iri)
  if (data) {
    const type = (data[1] ?? '').toLowerCase()
    if (type !== 'image/png' && type !== 'image/svg+xml') {
      state.findings.add('IMAGE_FORMAT', `the BadgeClass image is a data URI of type '${type || 'text/plain'}', not PNG or SVG`, path)
    }
    return
  }
  const result = await state.fetcher.get(iri, 'image')
  if (!result.ok) {
    const { error } = result
    if (error.code === 'FETCH_CONTENT_TYPE') {
      state.findings.add('IMAGE_FORMAT', `the BadgeClass image ${iri}: ${error.message}`, path)
    } else {
      state.findings.add('IMAGE_UNREACHABLE', `the BadgeClass image ${iri} could not be fetched (${error.code}: ${error.message})`, path)
    }
    return
  }
  const { body, contentType } = result.resource
  const looksRight = contentType.toLowerCase().includes('svg') ? isSvg(body) : isPng(body)
  if (!looksRight) {
    state.findings.add('IMAGE_FORMAT', `the BadgeClass image ${iri} is served as ${contentType} but its bytes are not that format`, path)
  }
}

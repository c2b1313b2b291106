/**
 * `defineIssuer`: an issuer Profile from a plain definition.
 */
import { OB_V2_CONTEXT } from '../jsonld/urls.js'
import type { CryptographicKey, Image, IssuerProfile, OneOrMany, VerificationObject } from '../model/openbadges.js'
import { withSlash } from './ids.js'
import { assertValid, InputChecker } from './input.js'

/** What an issuer is defined from (an issuer Profile JSON is accepted too: `@context` and `type` are ignored). */
export interface IssuerDefinition {
  /** The profile's id. Defaults to `<baseUrl>/issuer`. */
  id?: string
  /** Where the issuer hosts its badges: ids of badge classes and assertions are minted under it. */
  baseUrl?: string
  name: string
  /** The issuer's homepage. */
  url: string
  email: string
  description?: string
  telephone?: string
  image?: Image
  publicKey?: OneOrMany<string | CryptographicKey>
  revocationList?: string
  /** Hosted verification policy (allowedOrigins / startsWith). */
  verification?: Omit<VerificationObject, 'type'> & { type?: VerificationObject['type'] }
}

/**
 * Builds an issuer Profile (`type: Issuer`, OB v2 context) and validates it.
 *
 * @throws OpenBadgesError `INVALID_INPUT` with every problem (`problems`: input codes such as
 *   `INPUT_REQUIRED`, `INPUT_URL_INVALID`, `INPUT_EMAIL_INVALID`, or validation codes).
 * @example
 * ```ts
 * const issuer = defineIssuer({ baseUrl: 'https://mc.example.org', name: 'Example MC Lab', url: 'https://example.org', email: 'badges@example.org' })
 * issuer.id // 'https://mc.example.org/issuer'
 * ```
 */
export function defineIssuer(definition: IssuerDefinition): IssuerProfile {
  const c = new InputChecker()
  const def = c.object(definition, '', true) ?? {}
  const baseUrl = c.url(def.baseUrl, '/baseUrl')
  let id = c.iri(def.id, '/id')
  if (def.id === undefined && def.baseUrl === undefined) c.add('INPUT_REQUIRED', '/baseUrl', 'give baseUrl (or id)')
  if (id === undefined && baseUrl !== undefined) id = `${withSlash(baseUrl)}issuer`
  const name = c.text(def.name, '/name', true)
  const url = c.url(def.url, '/url', true)
  const email = c.email(def.email, '/email', true)
  const description = c.text(def.description, '/description')
  const telephone = c.text(def.telephone, '/telephone')
  const revocationList = c.url(def.revocationList, '/revocationList')
  const verification = c.object(def.verification, '/verification')
  if (def.type !== undefined && !['Issuer', 'Profile'].some((t) => (Array.isArray(def.type) ? def.type : [def.type]).includes(t))) {
    c.add('INPUT_INVALID', '/type', 'type, when given, must be Issuer or Profile')
  }
  c.throwIfAny('defineIssuer')

  const profile: IssuerProfile = {
    '@context': OB_V2_CONTEXT,
    type: 'Issuer',
    id: id as string,
    name: name as string,
    url: url as string,
    email: (email as string).trim(),
  }
  if (description !== undefined) profile.description = description
  if (telephone !== undefined) profile.telephone = telephone
  if (def.image !== undefined) profile.image = def.image as Image
  if (def.publicKey !== undefined) profile.publicKey = def.publicKey as IssuerProfile['publicKey']
  if (revocationList !== undefined) profile.revocationList = revocationList
  if (verification !== undefined) profile.verification = { type: 'VerificationObject', ...verification } as VerificationObject
  assertValid(profile, 'Profile', 'defineIssuer', true)
  return profile
}

/**
 * Recipient matching: when the caller says who the badge should belong to, the assertion's
 * IdentityObject (hashed with sha256/md5 + salt, or plain) must match one of the given identities.
 * The comparison itself (email case-folding, hashing) is `identityMatches` from issue/.
 */
import { identityMatches } from '../issue/index.js'
import type { IdentityObject } from '../model/openbadges.js'
import { isObject } from './json.js'
import type { RecipientQuery, VerifyState } from './state.js'

function describe(recipient: RecipientQuery): string {
  return Object.entries(recipient)
    .filter(([, v]) => typeof v === 'string')
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ')
}

/** Compares the expected recipient with the (trusted) assertion; sets `state.recipientMatched`. */
export async function checkRecipient(state: VerifyState): Promise<void> {
  const { recipient, assertion, findings } = state
  if (!recipient || !assertion) return
  const identity = assertion.recipient
  let matched = false
  if (isObject(identity)) {
    try {
      matched = (await identityMatches(identity as unknown as IdentityObject, recipient)) === true
    } catch {
      matched = false
    }
  }
  state.recipientMatched = matched
  if (matched) findings.add('RECIPIENT_MATCHED', `awarded to ${describe(recipient)}`, '/assertion/recipient')
  else findings.add('RECIPIENT_MISMATCH', `not awarded to ${describe(recipient)}`, '/assertion/recipient')
}

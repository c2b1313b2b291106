/** Literal Open Badges 2.0 documents for host tests (no builders involved, so the host is tested alone). */
export const BASE = 'https://badges.example.org/'
export const OB = 'https://w3id.org/openbadges/v2'

export const issuer = {
  '@context': OB,
  type: 'Issuer',
  id: `${BASE}issuers/main.json`,
  name: 'Example Teacher Academy',
  url: 'https://academy.example.org',
  email: 'badges@academy.example.org',
  publicKey: `${BASE}keys/1.json`,
  revocationList: `${BASE}revocations/main.json`,
}

export const badgeClass = {
  '@context': OB,
  type: 'BadgeClass',
  id: `${BASE}badges/questioning.json`,
  name: 'Questioning Strategies',
  description: 'The educator uses higher-order questions to deepen student thinking.',
  image: `${BASE}images/questioning.png`,
  criteria: { id: 'https://academy.example.org/mc/questioning', narrative: 'Submit a lesson video and a reflection.' },
  issuer: issuer.id,
  alignment: [
    {
      targetName: 'InTASC Standard 8',
      targetUrl: 'https://ccsso.org/intasc/8',
      targetFramework: 'InTASC',
      targetCode: '8(i)',
    },
  ],
  tags: ['questioning', 'instruction'],
  'extensions:AssessmentExtension': {
    '@context': 'https://openbadgespec.org/extensions/assessmentExtension/context.json',
    type: ['Extension', 'extensions:AssessmentExtension'],
    description: 'One performance assessment scored with a rubric.',
    assessments: [
      {
        type: 'Performance',
        description: 'A recorded lesson',
        assessmentOutput: 'Lesson video and reflection',
        hasGroupParticipation: false,
        hasGroupEvaluation: false,
        evaluationMethod: 'Rubric, proficient on every criterion',
        rubrics: [
          {
            identifier: '3b6d1e1c-2f0a-4f43-9a55-2f9ad0b0e001',
            title: 'Questioning rubric',
            rubricCriteria: [
              {
                identifier: '3b6d1e1c-2f0a-4f43-9a55-2f9ad0b0e002',
                description: 'Asks open-ended questions',
                position: 1,
                criterionLevels: [
                  { identifier: '3b6d1e1c-2f0a-4f43-9a55-2f9ad0b0e003', quality: 'Proficient', score: 3, description: 'Most questions are open' },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
}

export const assertion = {
  '@context': OB,
  type: 'Assertion',
  id: `${BASE}assertions/a1.json`,
  recipient: { type: 'email', hashed: true, salt: 'abc', identity: 'sha256$0000000000000000000000000000000000000000000000000000000000000000' },
  badge: badgeClass.id,
  verification: { type: 'HostedBadge' },
  issuedOn: '2026-01-10T09:00:00Z',
  evidence: [
    { id: 'https://evidence.example.org/v/1', name: 'Lesson video', description: 'Grade 5 science', narrative: 'I asked why.' },
  ],
}

export const key = {
  '@context': OB,
  type: 'CryptographicKey',
  id: `${BASE}keys/1.json`,
  owner: issuer.id,
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n',
}

export const revocationList = {
  '@context': OB,
  type: 'RevocationList',
  id: `${BASE}revocations/main.json`,
  issuer: issuer.id,
  revokedAssertions: [{ id: 'urn:uuid:52e4c6b3-8c13-4fa2-8ad2-8f6dfaf6a0a1', revocationReason: 'Issued in error' }],
}

/** A valid 1x1 PNG. */
export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
)
export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>'

/** Every fixture at its store key. */
export function fixtureEntries(): Record<string, Uint8Array | string> {
  return {
    'issuers/main.json': JSON.stringify(issuer),
    'badges/questioning.json': JSON.stringify(badgeClass),
    'assertions/a1.json': JSON.stringify(assertion),
    'keys/1.json': JSON.stringify(key),
    'revocations/main.json': JSON.stringify(revocationList),
    'images/questioning.png': PNG,
    'images/questioning.svg': SVG,
    'assertions/a1.png': PNG,
  }
}

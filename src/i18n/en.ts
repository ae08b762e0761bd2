/** English strings. Keys are shared with ru.ts; a test checks both have the same keys. */
export const en = {
  portal: {
    title: '{{org}} — client portal',
    welcome: 'Welcome, {{name}}',
    intro:
      'This is your page at {{org}}. Here you will see the promises made to you, how well each is kept, and what you are owed when one is broken.',
    anonymous: 'This is the client portal of {{org}}. Sign in with the invitation link you received.',
    signedInAs: 'Signed in as {{name}}',
    signOut: 'Sign out',
    signedOut: 'You have signed out.',
    invitationInvalid: 'This invitation link is not valid: it has been used, has expired or was revoked. Ask {{org}} for a new one.',
    organization: 'Organization',
    kind: { business: 'Business', government: 'Public agency' },
    comingSoon: 'Promises, feedback and proposals will appear here as {{org}} publishes them.',
    confirmTitle: 'Sign in as {{name}}?',
    confirmText: 'This link signs you in to your page at {{org}}. It works once.',
    confirmButton: 'Sign in',
    language: 'Language',
  },
  errors: {
    notFound: 'Not found',
  },
  canvas: {
    current: 'Current offer',
    target: 'Target offer',
    level: 'Offering level (0–10)',
  },
} as const;

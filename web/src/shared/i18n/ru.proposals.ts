/** Staff-app strings of client voice: proposals (ru); spread into ru.ts. Same keys in en and ru. */
export const ruProposals = {} as const;

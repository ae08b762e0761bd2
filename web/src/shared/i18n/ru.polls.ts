/** Staff-app strings of client voice: polls (ru); spread into ru.ts. Same keys in en and ru. */
export const ruPolls = {} as const;

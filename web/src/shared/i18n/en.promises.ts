/** English strings of the promise screens (step 4); spread into en.ts. */
export const enPromises = {};

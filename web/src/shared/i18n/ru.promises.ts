/** Russian strings of the promise screens (step 4); spread into ru.ts. */
export const ruPromises = {};

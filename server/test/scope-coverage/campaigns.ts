/** GET routes of the campaigns module and the tests that prove their scope. */
export const routes: string[] = [];

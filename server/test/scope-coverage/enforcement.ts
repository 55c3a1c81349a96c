/** GET routes of the enforcement module and the tests that prove their scope. */
export const routes: string[] = [];

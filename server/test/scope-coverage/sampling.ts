/** GET routes of the sampling module and the tests that prove their scope. */
export const routes: string[] = [];

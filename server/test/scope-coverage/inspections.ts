/** GET routes of the inspections module and the tests that prove their scope. */
export const routes: string[] = [];

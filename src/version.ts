/** The version of spine-finder, as in package.json (test/node/version.test.ts keeps them equal). */
export const VERSION = '0.1.0';

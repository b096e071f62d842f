import { expect } from '@open-wc/testing';
import { DirectoryError } from '../../src/directory/adapter.js';

/** What a promise rejected with; fails the test if it fulfilled. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

/** The DirectoryError a promise rejected with; fails the test for anything else. */
export async function directoryErrorOf(promise: Promise<unknown>): Promise<DirectoryError> {
  const error = await failureOf(promise);
  expect(error).to.be.instanceOf(DirectoryError);
  return error as DirectoryError;
}

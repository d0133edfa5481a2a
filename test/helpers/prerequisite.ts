/** One line, no stack: a missing prerequisite (a Debian package) is not a bug in the code under test. */
export function prerequisiteMissing(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

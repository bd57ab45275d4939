/** The CLI's exit codes: CI gates rely on them. */
export const EXIT = {
  pass: 0,
  violation: 1,
  usageOrModelError: 2,
  incomplete: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

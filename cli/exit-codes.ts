/** The CLI's exit codes: CI gates rely on them. */
export const EXIT = {
  pass: 0,
  violation: 1,
  usageOrModelError: 2,
  incomplete: 3,
  /** Stopped by SIGINT (Ctrl-C) or SIGTERM: 128 + the signal's number, as shells report it. */
  interrupted: 130,
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

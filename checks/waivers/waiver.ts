/**
 * A known deviation, committed with a reason, a tracking issue and an expiry date. A failure it
 * matches is reported as waived and does not fail the run, until the waiver expires.
 */
export interface Waiver {
  /** 1-based position in the file, for messages ("entry 2"). */
  entry: number;
  check: string;
  /** Only failures of this operation (e.g. listTickets); any operation when absent. */
  operation?: string;
  /** Only runs against this target: a host, a base URL, or "mock" / "live". */
  target?: string;
  /** Only runs under this CONFORMANCE_ENV name (e.g. staging). */
  env?: string;
  /** A regular expression the failure message must match. */
  message?: string;
  reason: string;
  /** Link to the issue tracking the deviation. */
  issue: string;
  /** Last day (UTC, inclusive) the waiver applies, YYYY-MM-DD. */
  expires: string;
}

/** The waivers of one run and the file they came from (as the user named it). */
export interface WaiverSet {
  file: string;
  waivers: Waiver[];
}

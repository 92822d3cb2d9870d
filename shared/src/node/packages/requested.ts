import type { ValidationConformanceOptions } from './validation.js';

/** Whether the options ask for any conformance resources beyond the core (else there is nothing to load). */
export function conformanceRequested(options: Omit<ValidationConformanceOptions, 'definitions'>): boolean {
  const count =
    (options.packages?.length ?? 0) + (options.workspaces?.length ?? 0) + (options.profiles?.length ?? 0);
  return count > 0 || options.fhirCache !== undefined;
}

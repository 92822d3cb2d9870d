/** Problems met loading packages and workspace folders: reported once each, never thrown. */

export type PackageIssueCode = 'missing-dependency' | 'unreadable-file' | 'invalid-package' | 'snapshot-failed';

export interface PackageIssue {
  code: PackageIssueCode;
  severity: 'error' | 'warning';
  message: string;
  /** The package (`id#version`) or file concerned. */
  subject: string;
  /** The command that fixes it, when there is one. */
  command?: string;
}

/** The one message for a package that is needed but not in the cache. */
export function missingDependency(spec: string, neededBy: string, cacheDir: string): PackageIssue {
  const command = `wheelhouse packages install ${spec}`;
  return {
    code: 'missing-dependency',
    severity: 'error',
    subject: spec,
    command,
    message: `FHIR package ${spec} (needed by ${neededBy}) is not in the package cache ${cacheDir}; profiles, value sets and extensions from it cannot be checked. Install it with: ${command}`,
  };
}

/**
 * Common Procurement Vocabulary (CPV) codes of tender notices. A code is 8 digits plus an optional
 * check digit ("48814000-7"). Software and IT service codes add their label to the need; a notice
 * whose codes are all outside software and IT (pharmacy services, consultancy, estates) is a weaker
 * signal that open-source software answers it, so the matcher damps its scores.
 * Labels: CPV 2008, Commission Regulation (EC) No 213/2008, Annex I.
 */

/** A CPV code as written in notices: 8 digits, optional "-d" check digit. */
export const CPV_PATTERN = /\b(\d{8})(?:-\d)?\b/g;

/** Labels of the software, information-system and IT-service codes most NHS digital notices use. */
export const CPV_LABELS: Readonly<Record<string, string>> = {
  '48000000': 'Software package and information systems',
  '48100000': 'Industry specific software package',
  '48180000': 'Medical software package',
  '48200000': 'Networking, Internet and intranet software package',
  '48220000': 'Internet and intranet software package',
  '48300000': 'Document creation, drawing, imaging, scheduling and productivity software package',
  '48311000': 'Document management software package',
  '48330000': 'Scheduling and productivity software package',
  '48400000': 'Business transaction and personal business software package',
  '48440000': 'Financial analysis and accounting software package',
  '48443000': 'Accounting software package',
  '48450000': 'Time accounting or human resources software package',
  '48490000': 'Procurement software package',
  '48500000': 'Communication and multimedia software package',
  '48510000': 'Communication software package',
  '48600000': 'Database and operating software package',
  '48610000': 'Database systems',
  '48612000': 'Database-management system',
  '48800000': 'Information systems and servers',
  '48810000': 'Information systems',
  '48814000': 'Medical information systems',
  '48814100': 'Nursing information system',
  '48814200': 'Patient-administration system',
  '48814300': 'Operating theatre management system',
  '48814400': 'Clinical information system',
  '48814500': 'Casemix system',
  '48900000': 'Miscellaneous software package and computer systems',
  '72000000': 'IT services: consulting, software development, Internet and support',
  '72200000': 'Software programming and consultancy services',
  '72212000': 'Programming services of application software',
  '72212180': 'Medical software development services',
  '72260000': 'Software-related services',
  '72263000': 'Software implementation services',
  '72267000': 'Software maintenance and repair services',
  '72300000': 'Data services',
  '72320000': 'Database services',
  '72322000': 'Data management services',
  '72400000': 'Internet services',
  '72413000': 'World wide web (www) site design services',
  '72500000': 'Computer-related services',
};

/** All CPV codes in a text (8-digit form, first occurrence order, no duplicates). */
export function findCpvCodes(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(CPV_PATTERN)) seen.add(m[1] as string);
  return [...seen];
}

/** Normalise "48814000-7" to "48814000"; anything else that is not 8 digits is dropped. */
export function normaliseCpv(code: string): string | undefined {
  const m = /^\s*(\d{8})(?:-\d)?\s*$/.exec(code);
  return m ? m[1] : undefined;
}

/** Software (48), IT services (72) and computer equipment (302): the divisions open source can answer. */
export function isDigitalCpv(code: string): boolean {
  return code.startsWith('48') || code.startsWith('72') || code.startsWith('302');
}

/** The label of a code or of its nearest listed parent (48814400 -> 48814000 -> 48810000 ...). */
export function cpvLabel(code: string): string | undefined {
  for (let digits = 8; digits >= 2; digits--) {
    const parent = code.slice(0, digits).padEnd(8, '0');
    const label = CPV_LABELS[parent];
    if (label) return label;
  }
  return undefined;
}

/**
 * Known values for the `nhs` block. The schema accepts other strings too (new services appear), but
 * these are the spellings editors complete and the matcher expands; `catalogue check` warns on
 * near-misses of them. Sources: NHS England API catalogue (https://digital.nhs.uk/developer/api-catalogue)
 * and the NHS data standards directory (https://digital.nhs.uk/data-and-information/information-standards).
 */

/** National NHS services and platforms a component integrates with. */
export const KNOWN_NHS_SERVICES = [
  'BaRS',
  'Directory of Services',
  'e-RS',
  'EPS',
  'Federated Data Platform',
  'GP Connect',
  'GP2GP',
  'MESH',
  'National Booking Service',
  'National Data Opt-out',
  'NEMS',
  'NHAIS',
  'NHS 111',
  'NHS API platform',
  'NHS App',
  'NHS CIS2',
  'NHS login',
  'NHS Notify',
  'NHS Service Search',
  'NHS smartcards',
  'NHS website content',
  'NRL',
  'ODS',
  'OpenSAFELY',
  'PDS',
  'Proxy access',
  'Reasonable Adjustment Flag',
  'SCR',
  'SDS',
  'Spine',
  'Spine MHS',
] as const;

/** Data, messaging, terminology and design standards a component implements. */
export const KNOWN_NHS_STANDARDS = [
  'AQL',
  'BNF',
  'CareConnect',
  'CTV3',
  'DCB0090',
  'DCB0129',
  'DCB0160',
  'DICOM',
  'dm+d',
  'ebXML',
  'ECL',
  'EDIFACT',
  'FHIR',
  'FHIR R4',
  'FHIR STU3',
  'FIDO UAF',
  'GOV.UK design system',
  'HL7 v2',
  'HL7 v3',
  'ICD-10',
  'ITK',
  'ITK3',
  'LOINC',
  'NEWS2',
  'NHS design system',
  'NHS number',
  'OAuth 2.0',
  'OMOP CDM',
  'OpenID Connect',
  'openEHR',
  'OPCS-4',
  'Read codes',
  'SNOMED CT',
  'UK Core',
  'UPRN',
  'WCAG',
] as const;

/** The four UK nations; a component lists those whose NHS it was built for or is used in. */
export const NATIONS = ['England', 'Northern Ireland', 'Scotland', 'Wales'] as const;

/** Assurance documents a buyer asks for (DCB0129/DCB0160 clinical safety, DTAC, DSPT). */
export const EVIDENCE_TYPES = ['DCB0129', 'DCB0160', 'DTAC', 'DSPT', 'DPIA', 'penetration-test', 'other'] as const;

/** publiccode.yml 0.7 `softwareType` values. */
export const SOFTWARE_TYPES = [
  'standalone/mobile',
  'standalone/iot',
  'standalone/desktop',
  'standalone/web',
  'standalone/backend',
  'standalone/other',
  'addon',
  'library',
  'configurationFiles',
] as const;

/** publiccode.yml 0.7 `developmentStatus` values. */
export const DEVELOPMENT_STATUSES = ['concept', 'development', 'beta', 'stable', 'obsolete'] as const;

/** publiccode.yml 0.7 `maintenance.type` values. */
export const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none'] as const;

/** Licence value for "we could not tell": kept as-is and shown to buyers as "licence unclear". */
export const NOASSERTION = 'NOASSERTION';

/**
 * What each registered NHS/UK identifier system identifies, for hover and completion. The list of systems is
 * the identifiers module's (REGISTERED_IDENTIFIER_SYSTEMS); the texts follow the UK naming systems index:
 * https://simplifier.net/guide/UKNamingSystems/Home/Identifiersystems/IndexofIdentifierNamingsystems
 * A test checks every registered system has a text here.
 */
import { DMD_SYSTEM, REGISTERED_IDENTIFIER_SYSTEMS, SNOMED_SYSTEM } from '@wheelhouse/shared/identifiers';

const BY_NAME: Readonly<Record<string, string>> = {
  'nhs-number':
    'NHS number: the 10-digit number (mod 11 check digit) of a patient in England, Wales and the Isle of Man.',
  'ods-organization-code':
    'ODS organisation code: an organisation (trust, GP practice, pharmacy, supplier) in the Organisation Data Service.',
  'ods-site-code': 'ODS site code: a site or location of an organisation in the Organisation Data Service.',
  'sds-user-id': 'SDS user ID: a person registered in the Spine Directory Service (a smartcard user).',
  'sds-role-profile-id':
    'SDS role profile ID: one role a Spine Directory Service user holds at an organisation.',
  'spine-ASID': 'Spine ASID: the Accredited System ID of a system connected to Spine.',
  nhsSpineASID: 'Spine ASID (older system name): the Accredited System ID of a system connected to Spine.',
  'prescription-order-number':
    'EPS prescription ID (short form, with a check character): an Electronic Prescription Service prescription.',
  'prescription-order-item-number':
    'EPS line item ID: one medication line item of an Electronic Prescription Service prescription.',
  prescription: 'EPS prescription ID (long form, a UUID): an Electronic Prescription Service prescription.',
  UBRN: 'UBRN: the Unique Booking Reference Number of a referral in the NHS e-Referral Service.',
  'nhs-login-sub': 'NHS login subject: the account identifier of a person signed in with NHS login.',
  'gmc-number': 'GMC number: a doctor on the General Medical Council register.',
  'gmp-number': 'GMP number: a general practitioner\u2019s prescriber code.',
  'gphc-number':
    'GPhC number: a pharmacist or pharmacy technician on the General Pharmaceutical Council register.',
  'nmc-number':
    'NMC PIN: a nurse, midwife or nursing associate on the Nursing and Midwifery Council register.',
  'hcpc-number':
    'HCPC number: an allied health professional on the Health and Care Professions Council register.',
  'gdc-number': 'GDC number: a dentist or dental care professional on the General Dental Council register.',
  'din-number': 'DIN: the Doctor Index Number of a general practitioner.',
};

const CODE_SYSTEMS: Readonly<Record<string, string>> = {
  [SNOMED_SYSTEM]: 'SNOMED CT (the UK edition is used in the NHS).',
  [DMD_SYSTEM]:
    'NHS Dictionary of medicines and devices (dm+d): medicines and devices, with SNOMED CT identifiers.',
  'http://loinc.org': 'LOINC: laboratory and clinical observations.',
  'http://unitsofmeasure.org': 'UCUM: units of measure.',
};

function lastSegment(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

/** What a registered identifier system identifies; undefined for systems we do not know. */
export function describeIdentifierSystem(system: string): string | undefined {
  if (!REGISTERED_IDENTIFIER_SYSTEMS.includes(system)) return undefined;
  return BY_NAME[lastSegment(system)];
}

/** What a code system is, for the few we name. */
export function describeCodeSystem(system: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(CODE_SYSTEMS, system) ? CODE_SYSTEMS[system] : undefined;
}

/** The registered systems with their texts (completion). */
export function identifierSystems(): { system: string; description: string }[] {
  return REGISTERED_IDENTIFIER_SYSTEMS.map((system) => ({
    system,
    description: describeIdentifierSystem(system) ?? '',
  }));
}

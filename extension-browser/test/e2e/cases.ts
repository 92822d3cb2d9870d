/**
 * The fixture pages and where each is served: `/<site host>/<site path>` on 127.0.0.1, which the TEST build
 * reads as that site's URL (extension-browser/README.md). `expect` lists catalogue ids that must be among the
 * suggestions; `secrets` are phrases of page text that must never appear in any request.
 */
export interface FixtureCase {
  fixture: string;
  path: string;
  expect: string[];
  secrets: string[];
  /** Documents the page links to (served path -> file in test/fixtures). */
  linked?: Record<string, string>;
  /** The extension reads `linked` (the markup lacks a field of the need) or must leave it alone (it does not). */
  readsLinked?: boolean;
}

export const CASES: FixtureCase[] = [
  {
    fixture: 'find-a-tender-old',
    path: '/www.find-tender.service.gov.uk/Notice/012345-2024',
    expect: ['ers-fhir-api'],
    secrets: ['Riverside University Hospitals', 'triage and track outpatient referrals'],
    // The notice's OCDS release package: the markup gives every field, so it is not fetched.
    linked: { '/www.find-tender.service.gov.uk/Notice/012345-2024/OCDS/ReleasePackage': 'find-a-tender-old.ocds.json' },
    readsLinked: false,
  },
  {
    fixture: 'find-a-tender-pa',
    path: '/www.find-tender.service.gov.uk/Notice/054321-2025',
    expect: ['manage-vaccinations-in-schools'],
    secrets: ['Northshire Community Health', 'manage consent from parents online'],
  },
  {
    fixture: 'contracts-finder',
    path: '/www.contractsfinder.service.gov.uk/Notice/3f2a9c4e-1b7d-4e8a-9c0f-2d5e6a7b8c9d',
    expect: ['manage-breast-screening'],
    secrets: ['Midshire and Vale', 'mobile screening units'],
  },
  {
    fixture: 'digital-marketplace-opportunity',
    path: '/www.digitalmarketplace.service.gov.uk/digital-outcomes-and-specialists/opportunities/9876',
    expect: ['snowstorm'],
    secrets: ['Northern Care Alliance', 'each system loads its own copy'],
  },
  {
    fixture: 'digital-marketplace-service',
    path: '/www.digitalmarketplace.service.gov.uk/g-cloud/services/123456789012345',
    expect: [],
    secrets: ['converts HL7 v2 messages to FHIR resources for NHS trusts'],
  },
  {
    fixture: 'github',
    path: '/github.com/nhsuk/nhsuk-frontend',
    expect: ['nhsuk-frontend'],
    secrets: ['Nunjucks templates and JavaScript for the NHS design system'],
  },
  {
    // About box only in the page's embedded React data.
    fixture: 'github-react',
    path: '/github.com/NHSDigital/eps-prescription-tracker-ui',
    expect: ['eps-prescription-tracker-ui'],
    secrets: ['signed in with their NHS smartcard'],
  },
  {
    fixture: 'gitlab',
    path: '/gitlab.com/eyehospital/openeyes',
    expect: ['openeyes'],
    secrets: ['cataract surgery, glaucoma'],
  },
  {
    fixture: 'nhs-england',
    path: '/transform.england.nhs.uk/key-tools-and-info/eps-next-steps/',
    expect: ['eps-fhir-api'],
    secrets: ['extending it to hospital outpatients'],
  },
  {
    fixture: 'nhs-digital',
    path: '/digital.nhs.uk/services/personal-demographics-service',
    expect: ['pds-fhir-api'],
    secrets: ['Contact us for help with onboarding'],
  },
  {
    // The same notice without CPV codes in its markup: the OCDS release package fills them in.
    fixture: 'find-a-tender-sparse',
    path: '/www.find-tender.service.gov.uk/Notice/067890-2024',
    expect: ['ers-fhir-api'],
    secrets: ['Riverside University Hospitals', 'triage and track outpatient referrals'],
    linked: { '/www.find-tender.service.gov.uk/Notice/067890-2024/OCDS/ReleasePackage': 'find-a-tender-old.ocds.json' },
    readsLinked: true,
  },
];

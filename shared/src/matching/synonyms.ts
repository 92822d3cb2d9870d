/**
 * NHS acronyms and synonyms: each concept is one meaning with the ways NHS pages and tender notices
 * write it. A phrase found in a page or a manifest adds the concept's term, so "HEPMA", "ePMA" and
 * "electronic prescribing and medicines administration" all meet; one phrase may carry several
 * meanings ("SCR" is the Summary Care Record and also a shared care record).
 *
 * General NHS and public-sector digital vocabulary only (NHS England API catalogue, NHS data
 * dictionary, GOV.UK service manual); never strings taken from evaluation cases.
 */

export interface Concept {
  /** Stable id; the index term is `~<id>`. */
  readonly id: string;
  /** How reasons name it. */
  readonly label: string;
  readonly phrases: readonly string[];
  /**
   * Weight of the concept term relative to a plain word: > 1 for specific names (a national service,
   * a standard), 1 for broad meanings that only bridge wording.
   */
  readonly weight?: number;
  /**
   * The phrase's own words mislead once the phrase is read ("referral to treatment" is a waiting-list
   * measure, not a referral): drop them and keep only the concept.
   */
  readonly consume?: boolean;
}

export const CONCEPTS: readonly Concept[] = [
  // National services and platforms (NHS England API catalogue).
  { id: 'ers', label: 'e-RS', weight: 2, phrases: ['e-rs', 'ers', 'e-referral service', 'e-referrals service', 'nhs e-referral service', 'electronic referral service', 'e-referral', 'e-referrals', 'choose and book'] },
  { id: 'referral', label: 'referral', phrases: ['referral', 'referrals', 'refer', 'referred', 'referring', 'referrer', 'referral management', 'onward referral'] },
  { id: 'advice-guidance', label: 'advice and guidance', weight: 1.5, phrases: ['advice and guidance', 'advice-and-guidance', 'a&g'] },
  { id: 'bars', label: 'BaRS', weight: 2, phrases: ['bars', 'booking and referral standard'] },
  { id: 'eps', label: 'EPS', weight: 2, phrases: ['eps', 'electronic prescription service', 'electronic prescription services', 'etp', 'electronic transmission of prescriptions'] },
  { id: 'epma', label: 'ePMA', weight: 2, phrases: ['epma', 'hepma', 'e-pma', 'electronic prescribing and medicines administration', 'electronic prescribing and medicine administration', 'medicines administration', 'medicine administration', 'inpatient prescribing', 'hospital prescribing', 'drug chart', 'drug charts'] },
  { id: 'prescribing', label: 'prescribing', phrases: ['prescribing', 'prescription', 'prescriptions', 'prescribe', 'prescriber', 'prescribers', 'prescribed'] },
  { id: 'medicines', label: 'medicines', phrases: ['medicine', 'medicines', 'medication', 'medications', 'drug', 'drugs'] },
  { id: 'dmd', label: 'dm+d', weight: 2, phrases: ['dm+d', 'dmd', 'dictionary of medicines and devices'] },
  { id: 'epr', label: 'EPR', weight: 1.5, phrases: ['epr', 'eprs', 'ehr', 'ehrs', 'emr', 'electronic patient record', 'electronic patient records', 'electronic health record', 'electronic health records', 'electronic medical record', 'electronic record system', 'patient record system', 'clinical record system', 'clinical information system', 'clinical information systems', 'openehr', 'clinical data repository', 'cdr'] },
  { id: 'pas', label: 'PAS', weight: 2, phrases: ['pas', 'patient administration system', 'patient administration systems', 'patient-administration system'] },
  { id: 'pds', label: 'PDS', weight: 2, phrases: ['pds', 'personal demographics service', 'patient demographics service', 'demographics service'] },
  { id: 'demographics', label: 'demographics', phrases: ['demographics', 'demographic', 'patient demographics'] },
  { id: 'sds', label: 'SDS', weight: 2, phrases: ['sds', 'spine directory service'] },
  { id: 'spine', label: 'Spine', weight: 1.5, phrases: ['spine', 'spine secure proxy', 'ssp', 'spine core', 'spine mhs', 'message handling service'] },
  { id: 'gp-connect', label: 'GP Connect', weight: 2, phrases: ['gp connect', 'gpconnect', 'gp-connect'] },
  { id: 'gp2gp', label: 'GP2GP', weight: 2, phrases: ['gp2gp', 'gp to gp', 'gp-to-gp', 'patient switching', 'record transfer'] },
  { id: 'mesh', label: 'MESH', weight: 2, phrases: ['mesh', 'message exchange for social care and health', 'mesh mailbox', 'mesh mailboxes'] },
  { id: 'nhs-login', label: 'NHS login', weight: 2, phrases: ['nhs login', 'nhslogin', 'nhs-login'] },
  { id: 'cis2', label: 'NHS CIS2', weight: 2, phrases: ['cis2', 'nhs cis2', 'care identity service', 'smartcard', 'smartcards', 'smart card'] },
  { id: 'summary-care-record', label: 'Summary Care Record', weight: 2, phrases: ['scr', 'summary care record', 'summary care records'] },
  { id: 'shared-care-record', label: 'shared care record', weight: 2, phrases: ['scr', 'shcr', 'shared care record', 'shared care records', 'lhcr', 'local health and care record', 'local health and care records', 'integrated care record'] },
  { id: 'nrl', label: 'NRL', weight: 2, phrases: ['nrl', 'national record locator'] },
  { id: 'nhs-app', label: 'NHS App', weight: 2, phrases: ['nhs app', 'nhsapp', 'nhs-app'] },
  { id: 'nhs-website', label: 'nhs.uk', weight: 1.5, phrases: ['nhs.uk', 'nhsuk', 'nhs website', 'nhs uk website'] },
  { id: 'health-content', label: 'health information content', phrases: ['health content', 'health information', 'patient information', 'health topics', 'health a-z', 'content syndication', 'syndication', 'syndicate', 'syndicates'] },
  { id: 'notify', label: 'NHS Notify', weight: 2, phrases: ['nhs notify', 'gov.uk notify', 'govuk notify'] },
  { id: 'patient-messaging', label: 'patient messaging', phrases: ['sms', 'text message', 'text messages', 'text messaging', 'texts', 'reminder', 'reminders', 'letters', 'notification', 'notifications'] },
  { id: 'ods', label: 'ODS', weight: 2, phrases: ['ods', 'organisation data service', 'organisation data services', 'ods code', 'ods codes'] },
  { id: 'service-search', label: 'service search', weight: 1.5, phrases: ['service search', 'service finder', 'organisation search', 'find a gp', 'find a pharmacy', 'directory of services', 'service directory'] },
  { id: 'nhs-111', label: 'NHS 111', weight: 2, phrases: ['nhs 111', '111'] },
  { id: 'nhais', label: 'NHAIS', weight: 2, phrases: ['nhais', 'gp links'] },
  { id: 'api-platform', label: 'NHS API platform', weight: 1.5, phrases: ['api management', 'apim', 'apigee', 'api platform', 'nhs api platform'] },
  { id: 'opt-out', label: 'National Data Opt-out', weight: 2, phrases: ['national data opt-out', 'national data opt out', 'data opt-out', 'opt-out', 'opt out', 'type 1 opt-out'] },
  { id: 'booking', label: 'booking', phrases: ['booking', 'bookings', 'appointment booking', 'book appointments', 'appointments', 'appointment'] },
  { id: 'nhs-number', label: 'NHS number', weight: 2, phrases: ['nhs number', 'nhs numbers', 'nhs no'] },
  { id: 'chi', label: 'CHI number', weight: 2, phrases: ['chi number', 'chi'] },

  // Standards and terminologies.
  { id: 'fhir', label: 'FHIR', weight: 1.5, phrases: ['fhir', 'hl7 fhir', 'fast healthcare interoperability resources'] },
  { id: 'hl7v2', label: 'HL7 v2', weight: 1.5, phrases: ['hl7 v2', 'hl7v2', 'hl7 version 2'] },
  { id: 'snomed', label: 'SNOMED CT', weight: 2, phrases: ['snomed', 'snomed ct', 'snomed-ct', 'sct'] },
  { id: 'terminology-server', label: 'terminology server', weight: 1.5, phrases: ['terminology server', 'terminology service', 'terminology services'] },
  { id: 'openehr', label: 'openEHR', weight: 2, phrases: ['openehr'] },
  { id: 'dicom', label: 'DICOM imaging', weight: 1.5, phrases: ['dicom', 'pacs', 'picture archiving and communication system', 'radiology'] },
  { id: 'edifact', label: 'EDIFACT', weight: 2, phrases: ['edifact'] },

  // Clinical areas.
  { id: 'eye-care', label: 'eye care', weight: 1.5, phrases: ['ophthalmology', 'ophthalmic', 'eye care', 'eyecare', 'eye', 'eyes', 'glaucoma', 'cataract', 'cataracts', 'optometry', 'optometrist', 'optometrists', 'hospital eye service', 'retina', 'retinal', 'macular'] },
  { id: 'vaccination', label: 'vaccination', weight: 1.5, phrases: ['vaccination', 'vaccinations', 'vaccine', 'vaccines', 'vaccinate', 'vaccinated', 'vaccinating', 'immunisation', 'immunisations', 'immunization', 'immunizations', 'immunise', 'immunised', 'jab', 'jabs'] },
  { id: 'covid', label: 'COVID-19', phrases: ['covid', 'covid-19', 'coronavirus', 'sars-cov-2'] },
  { id: 'exposure-notification', label: 'exposure notification', weight: 2, phrases: ['exposure notification', 'exposure notifications', 'contact tracing', 'gaen'] },
  { id: 'screening', label: 'screening', phrases: ['screening', 'screening programme', 'screening programmes'] },
  { id: 'early-warning', label: 'NEWS2 / e-observations', weight: 2, phrases: ['news2', 'news 2', 'national early warning score', 'early warning score', 'early warning scores', 'ews', 'track and trigger', 'deteriorating patient', 'deteriorating patients', 'patient deterioration', 'e-observations', 'e-obs', 'eobs', 'electronic observations', 'patient observations', 'vital signs'] },
  { id: 'growth-charts', label: 'growth charts', weight: 2, phrases: ['growth chart', 'growth charts', 'centile', 'centiles', 'uk-who', 'uk who', 'child growth'] },
  { id: 'paediatrics', label: 'paediatrics', phrases: ['paediatric', 'paediatrics', 'pediatric', 'pediatrics', 'child health', "children's"] },
  { id: 'pathology', label: 'pathology', phrases: ['pathology', 'lab results', 'laboratory results', 'test results'] },
  { id: 'tb', label: 'tuberculosis', weight: 2, phrases: ['tb', 'tuberculosis'] },
  { id: 'genomics', label: 'genomics', weight: 1.5, phrases: ['genomic', 'genomics', 'genetic testing', 'genomic medicine service'] },

  // Operational and analytical ideas.
  { id: 'point-of-care', label: 'point of care', weight: 1.5, consume: true, phrases: ['point of care', 'point-of-care', 'bedside'] },
  { id: 'data-submission', label: 'data submission', phrases: ['submit', 'submits', 'submitted', 'submitting', 'submission', 'submissions', 'data flow', 'data flows', 'send data', 'send the data', 'sends data', 'data feed', 'data feeds'] },
  { id: 'rtt', label: 'RTT', weight: 2, consume: true, phrases: ['rtt', 'referral to treatment', 'referral-to-treatment', '18 weeks', '18-week'] },
  { id: 'waiting-list', label: 'waiting list', weight: 1.5, phrases: ['waiting list', 'waiting lists', 'waitlist', 'waitlists', 'wait list', 'ptl', 'patient tracking list', 'waiting times', 'waiting time'] },
  { id: 'fft', label: 'Friends and Family Test', weight: 2, consume: true, phrases: ['fft', 'friends and family test', 'friends & family test'] },
  { id: 'patient-feedback', label: 'patient feedback', weight: 1.5, phrases: ['patient feedback', 'patient experience', 'patient experiences', 'feedback', 'survey', 'surveys', 'patient reviews'] },
  { id: 'linkage', label: 'record linkage', weight: 1.5, phrases: ['record linkage', 'data linkage', 'linkage', 'deduplication', 'de-duplication', 'deduplicate', 'duplicates', 'duplicate records', 'person matching', 'patient matching', 'entity resolution', 'probabilistic matching', 'fuzzy matching'] },
  { id: 'pseudonymisation', label: 'pseudonymisation', weight: 2, phrases: ['pseudonymisation', 'pseudonymization', 'pseudonymise', 'pseudonymised', 'pseudonymize', 'pseudonym', 'pseudonyms', 'de-identification', 'deidentification', 'de-identify', 'de-identified', 'de-identifying'] },
  { id: 'disclosure-control', label: 'disclosure control', weight: 1.5, phrases: ['statistical disclosure control', 'disclosure control', 'disclosure risk', 'sdc', 'small number suppression', 'small-number suppression', 'anonymisation', 'anonymization', 'anonymise', 'anonymised', 'anonymize', 'anonymous', 'redaction'] },
  { id: 'synthetic-data', label: 'synthetic data', weight: 2, phrases: ['synthetic data', 'synthetic patient data', 'synthetic dataset', 'synthetic datasets', 'synthetic records', 'synthetic patient records', 'artificial data', 'artificial datasets', 'dummy data', 'fake data', 'test data'] },
  { id: 'data-validation', label: 'data quality validation', phrases: ['data quality', 'data validation', 'business rules', 'validation rules'] },
  { id: 'spc', label: 'SPC charts', weight: 2, phrases: ['spc', 'statistical process control', 'making data count'] },
  { id: 'rap', label: 'RAP', weight: 1.5, phrases: ['rap', 'reproducible analytical pipeline', 'reproducible analytical pipelines'] },
  { id: 'tre', label: 'trusted research environment', weight: 1.5, phrases: ['tre', 'trusted research environment', 'sde', 'secure data environment'] },
  { id: 'digitisation', label: 'record digitisation', weight: 1.5, phrases: ['lloyd george', 'digitisation', 'digitization', 'digitise', 'digitised', 'digitising', 'scanning', 'scanned', 'paper records', 'paper notes'] },
  { id: 'consent', label: 'consent', phrases: ['consent', 'e-consent', 'econsent', 'online consent', 'digital consent', 'consents'] },
  { id: 'nlp', label: 'NLP / free text', phrases: ['nlp', 'natural language processing', 'text mining', 'free text', 'free-text', 'text classification', 'sentiment'] },
  { id: 'ai', label: 'AI', phrases: ['ai', 'artificial intelligence', 'machine learning', 'llm', 'llms', 'large language model', 'large language models'] },
  { id: 'postcode', label: 'postcode', phrases: ['postcode', 'postcodes', 'post code', 'post codes'] },

  // Building digital services (GOV.UK and NHS service manuals).
  { id: 'design-system', label: 'NHS design system', weight: 1.5, phrases: ['design system', 'nhs design system', 'nhs.uk frontend', 'nhsuk frontend', 'nhsuk-frontend', 'frontend library', 'component library', 'ui components', 'ui component library'] },
  { id: 'service-manual', label: 'service manual', weight: 1.5, phrases: ['service manual', 'digital service manual', 'service standard', 'nhs service standard', 'content style guide'] },
  { id: 'accessibility', label: 'accessibility', weight: 1.5, phrases: ['accessibility', 'accessible', 'wcag', 'a11y', 'disproportionate burden', 'screen reader', 'screen readers', 'accessibility regulations'] },
  { id: 'website', label: 'website', phrases: ['website', 'websites', 'web site', 'web sites', 'web page', 'web pages', 'webpage', 'webpages', 'content management system', 'cms'] },
  // Maturity labels of a component ("pre-alpha") are not the alpha phase of a service.
  { id: 'maturity', label: 'maturity', weight: 0.5, consume: true, phrases: ['pre-alpha', 'pre alpha', 'proof of concept', 'proof-of-concept'] },
  { id: 'prototyping', label: 'prototyping (alpha)', phrases: ['prototype', 'prototypes', 'prototyping', 'alpha', 'alpha phase', 'private beta', 'public beta'] },
  { id: 'forms', label: 'online forms', phrases: ['forms', 'online form', 'online forms', 'web form', 'web forms', 'form builder'] },
  { id: 'react', label: 'React', weight: 1.5, phrases: ['react', 'reactjs', 'react.js'] },
  { id: 'react-native', label: 'React Native', weight: 2, consume: true, phrases: ['react native', 'react-native'] },
  { id: 'vue', label: 'Vue', weight: 1.5, phrases: ['vue', 'vue.js', 'vuejs'] },
  { id: 'mobile-app', label: 'mobile app', phrases: ['mobile app', 'mobile apps', 'mobile application', 'ios', 'android', 'smartphone app'] },
  { id: 'aws', label: 'AWS', weight: 1.5, phrases: ['aws', 'amazon web services', 'lambda', 'lambdas'] },
  { id: 'azure', label: 'Azure', weight: 1.5, phrases: ['azure', 'microsoft azure'] },
  { id: 'test-double', label: 'sandbox / test double', phrases: ['sandbox', 'mock', 'stub', 'test double', 'test harness', 'local stand-in', 'simulator'] },
  { id: 'dashboard', label: 'dashboard', phrases: ['dashboard', 'dashboards'] },
  { id: 'mcp', label: 'MCP', weight: 2, phrases: ['mcp', 'model context protocol'] },
];

/** FHIR XML files are recognised but not validated yet (https://hl7.org/fhir/R4/xml.html). */
import { defineRule } from '../rule.js';

export const xmlNotSupported = defineRule({
  id: 'xml-not-supported',
  severity: 'information',
  description: 'FHIR XML is not validated yet; the file is listed so nothing is silently skipped.',
});

import type { Rule } from '../rule.js';
import { bindingExtensible } from './binding-extensible.js';
import { valuesetParameterExpression } from './valueset-parameter-expression.js';
import { capabilitystatementSearchparam } from './capabilitystatement-searchparam.js';
import { searchparameterDerived } from './searchparameter-derived.js';
import { attachmentSize } from './attachment-size.js';
import { canonicalTargetType } from './canonical-target-type.js';
import { searchparameterComposite } from './searchparameter-composite.js';
import { valuesetComposeCode } from './valueset-compose-code.js';
import { extensionUnknown } from './extension-unknown.js';
import { canonicalAbsolute } from './canonical-absolute.js';
import { codesystemSupplement } from './codesystem-supplement.js';
import { exampleUrl } from './example-url.js';
import { htmlInText } from './html-in-text.js';
import { narrativeXhtml } from './narrative-xhtml.js';
import { bindingRequired } from './binding-required.js';
import { bundleFullurl } from './bundle-fullurl.js';
import { bundleLink } from './bundle-link.js';
import { bundleSearchEntry } from './bundle-search-entry.js';
import { codeSystemCode } from './code-system-code.js';
import { cardinality } from './cardinality.js';
import { internalRuleError } from './internal-rule-error.js';
import { invariant } from './invariant.js';
import { jsonArray } from './json-array.js';
import { jsonCompanion } from './json-companion.js';
import { jsonDuplicateKey } from './json-duplicate-key.js';
import { jsonEmpty } from './json-empty.js';
import { jsonNull } from './json-null.js';
import { jsonSyntax } from './json-syntax.js';
import { jsonType } from './json-type.js';
import { primitiveFormat } from './primitive-format.js';
import { resourceType } from './resource-type.js';
import { unknownProperty } from './unknown-property.js';
import { xmlElementOrder } from './xml-element-order.js';
import { xmlNamespace } from './xml-namespace.js';
import { xmlSyntax } from './xml-syntax.js';
import { xmlValueAttribute } from './xml-value-attribute.js';
import { xmlXhtml } from './xml-xhtml.js';
import { extensionContext } from './extension-context.js';
import { extensionUndefined } from './extension-undefined.js';
import { codingPackageCode } from './coding-package-code.js';
import { questionnaireResponse } from './questionnaire-response.js';
import { valuesetFilterValue } from './valueset-filter-value.js';
import { measureReport } from './measure-report.js';
import { narrativeLink } from './narrative-link.js';
import { conceptmapCode } from './conceptmap-code.js';
import { profileFixedConflict } from './profile-fixed-conflict.js';
import { profileDiscriminatorPath } from './profile-discriminator-path.js';
import { profileBinding } from './profile-binding.js';
import { profileCardinality } from './profile-cardinality.js';
import { profileFixedValue } from './profile-fixed-value.js';
import { profileInvariant } from './profile-invariant.js';
import { profileSlicing } from './profile-slicing.js';
import { profileType } from './profile-type.js';
import { profileUnknown } from './profile-unknown.js';

// NHS rules (issue 4)
import { nhsNumberFormat } from './nhs-number-format.js';
import { nhsNumberChecksum } from './nhs-number-checksum.js';
import { nhsNumberPlaceholder } from './nhs-number-placeholder.js';
import { nhsNumberTestRange } from './nhs-number-test-range.js';
import { nhsNumberSlice } from './nhs-number-slice.js';
import { nhsNumberVerificationStatusMissing } from './nhs-number-verification-status-missing.js';
import { nhsNumberVerificationStatusCode } from './nhs-number-verification-status-code.js';
import { nhsIdentifierSystem } from './nhs-identifier-system.js';
import { odsSystemUri } from './ods-system-uri.js';
import { odsCodeFormat } from './ods-code-format.js';
import { odsCodeShape } from './ods-code-shape.js';
import { ukcoreOdsSlice } from './ukcore-ods-slice.js';
import { snomedSystemUri } from './snomed-system-uri.js';
import { sctidFormat } from './sctid-format.js';
import { sctidVerhoeff } from './sctid-verhoeff.js';
import { sctidPartition } from './sctid-partition.js';
import { snomedVersionFormat } from './snomed-version-format.js';
import { readCodeDeprecated } from './read-code-deprecated.js';
import { dmdSystemUri } from './dmd-system-uri.js';
import { ukcoreDeprecatedCareconnect } from './ukcore-deprecated-careconnect.js';
import { ukcoreUnknownCanonical } from './ukcore-unknown-canonical.js';
import { ukcoreRetiredAsset } from './ukcore-retired-asset.js';
import { ukcoreRequiredBinding } from './ukcore-required-binding.js';
import { ukcoreEthnicCategory } from './ukcore-ethnic-category.js';
import { ukcoreConstraint } from './ukcore-constraint.js';
import { epsPrescriptionIdFormat } from './eps-prescription-id-format.js';
import { epsPrescriptionIdChecksum } from './eps-prescription-id-checksum.js';
import { epsPrescriptionIdLongFormat } from './eps-prescription-id-long-format.js';
import { epsBundleConsistency } from './eps-bundle-consistency.js';
import { ersUbrnFormat } from './ers-ubrn-format.js';

/** The one list of rules (STYLE.md 2): a new rule is one file plus one line here. */
export const rules: readonly Rule[] = [
  jsonSyntax,
  jsonDuplicateKey,
  internalRuleError,
  xmlSyntax,
  xmlNamespace,
  xmlValueAttribute,
  xmlElementOrder,
  xmlXhtml,
  extensionContext,
  extensionUndefined,
  codingPackageCode,
  questionnaireResponse,
  valuesetFilterValue,
  measureReport,
  narrativeLink,
  conceptmapCode,
  profileFixedConflict,
  profileDiscriminatorPath,
  profileBinding,
  profileCardinality,
  profileFixedValue,
  profileInvariant,
  profileSlicing,
  profileType,
  profileUnknown,
  invariant,
  bindingRequired,
  bindingExtensible,
  codeSystemCode,
  bundleFullurl,
  bundleLink,
  bundleSearchEntry,
  narrativeXhtml,
  htmlInText,
  exampleUrl,
  canonicalAbsolute,
  codesystemSupplement,
  extensionUnknown,
  attachmentSize,
  searchparameterComposite,
  valuesetComposeCode,
  canonicalTargetType,
  searchparameterDerived,
  capabilitystatementSearchparam,
  valuesetParameterExpression,
  resourceType,
  unknownProperty,
  jsonNull,
  jsonEmpty,
  jsonArray,
  jsonType,
  jsonCompanion,
  cardinality,
  primitiveFormat,
  // NHS rules (issue 4)
  nhsNumberFormat,
  nhsNumberChecksum,
  nhsNumberPlaceholder,
  nhsNumberTestRange,
  nhsNumberSlice,
  nhsNumberVerificationStatusMissing,
  nhsNumberVerificationStatusCode,
  nhsIdentifierSystem,
  odsSystemUri,
  odsCodeFormat,
  odsCodeShape,
  ukcoreOdsSlice,
  snomedSystemUri,
  sctidFormat,
  sctidVerhoeff,
  sctidPartition,
  snomedVersionFormat,
  readCodeDeprecated,
  dmdSystemUri,
  ukcoreDeprecatedCareconnect,
  ukcoreUnknownCanonical,
  ukcoreRetiredAsset,
  ukcoreRequiredBinding,
  ukcoreEthnicCategory,
  ukcoreConstraint,
  epsPrescriptionIdFormat,
  epsPrescriptionIdChecksum,
  epsPrescriptionIdLongFormat,
  epsBundleConsistency,
  ersUbrnFormat,
];

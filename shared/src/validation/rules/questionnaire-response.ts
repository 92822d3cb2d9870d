/**
 * questionnaire-response: a QuestionnaireResponse against the Questionnaire it names (contained, or
 * loaded from a package / the workspace), as https://hl7.org/fhir/R4/questionnaireresponse.html#statuses
 * and https://hl7.org/fhir/R4/questionnaire.html describe: items by linkId (nested as in the
 * Questionnaire), answer types per item.type, display and group items without answers, repeats,
 * required items (when no enableWhen could hide them), answerOption membership for choice items, and
 * maxDecimalPlaces. A Questionnaire that cannot be found is not judged.
 */
import { findQuestionnaire, questionnaireResponseFindings } from '../../profiles/questionnaire.js';
import { defineRule } from '../rule.js';

export const questionnaireResponse = defineRule({
  id: 'questionnaire-response',
  severity: 'error',
  description: 'A QuestionnaireResponse matches its Questionnaire: linkIds, answer types, repeats, required items, answer options.',
  resource(ctx) {
    if (ctx.resourceType !== 'QuestionnaireResponse') return;
    const questionnaire = findQuestionnaire(ctx);
    if (!questionnaire) return;
    for (const f of questionnaireResponseFindings(ctx.value, questionnaire, (path) => ctx.sourceText?.([...ctx.path, ...path]))) {
      ctx.report({ path: [...ctx.path, ...f.path], message: f.message });
    }
  },
});

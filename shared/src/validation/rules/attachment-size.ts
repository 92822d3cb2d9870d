/**
 * attachment-size: when an Attachment carries both data and size, size is the number of bytes the base64
 * data decodes to. https://hl7.org/fhir/R4/datatypes.html#Attachment ("size: number of bytes of content
 * (if url provided)"; the HL7 validator compares it with inline data too).
 */
import { defineRule } from '../rule.js';

/** Decoded length of base64 text, or undefined when it is not plain base64. */
export function base64DecodedLength(data: string): number | undefined {
  const s = data.replace(/\s+/g, '');
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined;
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return (s.length / 4) * 3 - padding;
}

export const attachmentSize = defineRule({
  id: 'attachment-size',
  severity: 'error',
  description: 'Attachment.size matches the length of Attachment.data.',
  elements: {
    Attachment(ctx) {
      const a = ctx.elementValue as Record<string, unknown> | null;
      const data = a?.['data'];
      const size = a?.['size'];
      if (typeof data !== 'string' || typeof size !== 'number') return;
      const actual = base64DecodedLength(data);
      if (actual === undefined || actual === size) return;
      ctx.report({
        path: [...ctx.elementPathInDoc, 'size'],
        message: `Stated Attachment Size ${size} does not match actual attachment size ${actual}`,
        data: { stated: size, actual },
        fix: { title: `Set size to ${actual}`, replacement: actual },
      });
    },
  },
});

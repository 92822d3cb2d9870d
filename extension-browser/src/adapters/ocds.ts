// Reads the need from an OCDS release package (https://standard.open-contracting.org/latest/en/schema/
// release_package/), as Find a Tender links from each notice (SITE-SHAPES §1: tender.title, .description,
// .classification, items[].additionalClassifications, buyer.name). Untrusted JSON: every field is checked;
// anything missing or odd leaves the markup's value in place.
import type { PageNeed } from './types';
import { jsonArray as arr, jsonObject as obj, jsonText as str, type JsonObject as Json } from '../utils/json';
import { clip, cpvCodesIn } from '../utils/text';

/** The latest release of a package (a notice's package normally holds one). */
function latestRelease(data: unknown): Json | undefined {
  const releases = arr(obj(data)?.releases).map(obj).filter((r): r is Json => r !== undefined);
  return releases.at(-1);
}

/** CPV codes of a classification object, when its scheme is CPV. */
function cpvOf(classification: unknown): string[] {
  const c = obj(classification);
  if (!c || str(c.scheme).toUpperCase() !== 'CPV') return [];
  return cpvCodesIn(str(c.id));
}

export function needFromOcds(need: PageNeed, data: unknown): PageNeed {
  const release = latestRelease(data);
  const tender = obj(release?.tender);
  if (!release || !tender) return need;
  const lots = arr(tender.lots).map(obj);
  const descriptions = [str(tender.description), ...lots.map((lot) => str(lot?.description))].filter(
    (d, i, all) => d && all.indexOf(d) === i,
  );
  const items = arr(tender.items).map(obj);
  const cpv = [
    ...cpvOf(tender.classification),
    ...items.flatMap((item) => [...cpvOf(item?.classification), ...arr(item?.additionalClassifications).flatMap(cpvOf)]),
  ].filter((c, i, all) => all.indexOf(c) === i);
  const buyerParty = arr(release.parties)
    .map(obj)
    .find((p) => arr(p?.roles).includes('buyer'));
  const buyer = str(obj(release.buyer)?.name) || str(buyerParty?.name);
  return {
    ...need,
    title: str(tender.title) || need.title,
    description: descriptions.length ? clip(descriptions.join(' '), 4000) : need.description,
    cpvCodes: cpv.length ? cpv : need.cpvCodes,
    buyer: buyer || need.buyer,
  };
}

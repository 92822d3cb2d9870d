/** The page both browser tests load: a tender notice, served on 127.0.0.1 under the site path it stands for. */
export const TENDER_PATH = '/www.find-tender.service.gov.uk/Notice/012345-2026';

export const TENDER_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Address matching service - Find a Tender</title></head>
<body>
  <main>
    <h1>Address matching and data linkage service</h1>
    <p>The trust seeks a supplier to build software that matches patient addresses to Ordnance Survey
    records for data linkage across NHS datasets in England.</p>
  </main>
</body>
</html>`;

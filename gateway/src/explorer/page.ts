export interface PageSettings {
  endpoint: string;
  assets: string;
  headers?: Record<string, string>;
}

const DEFAULT_QUERY = `# PeaceGraph: one graph over the partners' data.
# Ctrl-Space completes, Ctrl-Enter runs. The Docs button lists every type.

query MaliRegions {
  adminAreas(country: "ML", level: 1) {
    totalCount
    edges {
      node {
        pcode
        name
      }
    }
  }
}
`;

/**
 * The settings travel as JSON in a non-executed script element, so no inline script is needed (the
 * content security policy forbids them) and no header value can break out of the page.
 */
export function explorerPage(settings: PageSettings): string {
  const config = {
    endpoint: settings.endpoint,
    defaultQuery: DEFAULT_QUERY,
    headers: settings.headers ? JSON.stringify(settings.headers, null, 2) : undefined,
  };
  const a = settings.assets;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PeaceGraph explorer</title>
<link rel="stylesheet" href="${a}/graphiql.min.css">
<style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="explorer">Loading the explorer…</div>
<script id="explorer-config" type="application/json">${scriptSafeJson(config)}</script>
<script src="${a}/react.production.min.js"></script>
<script src="${a}/react-dom.production.min.js"></script>
<script src="${a}/graphiql.min.js"></script>
<script src="${a}/boot.js"></script>
</body>
</html>
`;
}

function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

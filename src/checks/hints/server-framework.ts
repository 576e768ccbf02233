import type { Exchange } from '../../model/exchange.js';

/** A server framework the kit can name the fix for. */
export type ServerFramework = 'express' | 'php' | 'aspnet' | 'flask' | 'django' | 'rails' | 'nextjs';

// What the reply itself says about the server: `X-Powered-By` first (frameworks set it), then `Server` (app servers).
const SIGNS: readonly { readonly framework: ServerFramework; readonly header: 'x-powered-by' | 'server'; readonly pattern: RegExp }[] = [
  { framework: 'nextjs', header: 'x-powered-by', pattern: /next\.js/i },
  { framework: 'express', header: 'x-powered-by', pattern: /\bexpress\b/i },
  { framework: 'php', header: 'x-powered-by', pattern: /\bphp\b/i },
  { framework: 'aspnet', header: 'x-powered-by', pattern: /asp\.net/i },
  { framework: 'aspnet', header: 'server', pattern: /kestrel|microsoft-iis/i },
  { framework: 'flask', header: 'server', pattern: /werkzeug/i },
  { framework: 'django', header: 'server', pattern: /wsgiserver|django/i },
  { framework: 'rails', header: 'server', pattern: /puma|webrick|passenger/i },
];

/** The framework the server's replies name (`X-Powered-By`, `Server`), or undefined when they name none the kit knows. */
export function frameworkOf(exchange: Exchange): ServerFramework | undefined {
  for (const hop of [...exchange.hops].reverse()) {
    const headers = hop.response?.headers;
    if (!headers) continue;
    const sign = SIGNS.find(({ header, pattern }) => pattern.test(headers[header] ?? ''));
    if (sign) return sign.framework;
  }
  return undefined;
}

const RAW_URL: Readonly<Record<ServerFramework, string>> = {
  express: 'req.originalUrl in Express, not req.path or req.url inside a router',
  php: "$_SERVER['REQUEST_URI'] in PHP",
  aspnet: 'Request.GetEncodedUrl() in ASP.NET Core, or Request.Url.AbsoluteUri',
  flask: 'request.url in Flask (or request.full_path)',
  django: 'request.build_absolute_uri() in Django (request.get_full_path() for the path)',
  rails: 'request.original_url in Rails',
  nextjs: 'req.url of the route handler in Next.js',
};

const FORM_DECODER: Readonly<Record<ServerFramework, string>> = {
  express: 'express.urlencoded()',
  php: '$_POST',
  aspnet: 'Request.Form',
  flask: 'request.form',
  django: 'request.POST',
  rails: 'params / request.POST',
  nextjs: 'await req.formData()',
};

/**
 * How to get the raw URL as requested, query string included, in the server's framework; for an unknown server,
 * the common frameworks' ways, so a hint never gives Express-only advice to a PHP server.
 */
export function rawUrlAdvice(framework: ServerFramework | undefined): string {
  if (framework) return RAW_URL[framework];
  return "e.g. req.originalUrl in Express, request.url in Flask, $_SERVER['REQUEST_URI'] in PHP, request.original_url in Rails";
}

/** The framework's own form decoder, or the common ones. */
export function formDecoderAdvice(framework: ServerFramework | undefined): string {
  if (framework) return FORM_DECODER[framework];
  return "your framework's urlencoded parser (express.urlencoded(), request.form in Flask, $_POST in PHP) or URLSearchParams";
}

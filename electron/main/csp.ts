// The Content-Security-Policy sent with every app:// response.
//
// style-src keeps 'unsafe-inline' because Radix Dialog (react-remove-scroll-bar) injects
// <style> elements at runtime; React's own style props go through CSSOM and would not
// need it. Scripts stay strict: no inline script, no eval. CSS cannot exfiltrate
// through url() because img-src, font-src (default-src) and connect-src are 'self'.
// 'wasm-unsafe-eval' lets the app compile WebAssembly (the SHA-256 of imported files,
// shared/crypto); it does not allow eval or new Function, and script only comes from 'self'.
const directives: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
  'form-action': "'none'",
};

export const CONTENT_SECURITY_POLICY = Object.entries(directives)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

// Import first in every renderer entry (page and workers): the CSP forbids eval, so
// zod must not probe `new Function` (the probe fails safely but reports a violation).
import { z } from 'zod';

z.config({ jitless: true });

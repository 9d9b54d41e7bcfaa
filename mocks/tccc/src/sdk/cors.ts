import { cors } from 'hono/cors';

/**
 * CORS for the SDK host. The fake SDK runs on the integrator's page (another origin) and is
 * loaded with `crossorigin="anonymous"`, so `*` is right: no cookies are involved, the
 * session credential travels in the Authorization header.
 */
export const sdkCors = () =>
  cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });

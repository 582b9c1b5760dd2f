// Mounting the verification API in an Express app. @hono/node-server's getRequestListener turns
// the app's fetch handler into a Node (req, res) handler and hands it the Node request, whose
// socket the per-IP send cap reads.
import { getRequestListener } from '@hono/node-server';
import express, { type Express } from 'express';
import { createVerifyApp, type VerifyApp } from 'id-verify-server';

/** Serves `verify` under /api. Mount it before any body parser: the API reads its own bodies. */
export function mountVerify(app: Express, verify: VerifyApp) {
  // Express strips the mount path, so the verify app is created without a `basePath`.
  app.use('/api', getRequestListener((request, env) => verify.fetch(request, env)));
}

const verify = createVerifyApp({ issuer: 'https://lms.example.ac.kr/api', audience: 'my-lms' });
export const app = express();
mountVerify(app, verify);
app.use(express.json()); // your own routes' body parser, after the mount

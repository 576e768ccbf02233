// An example fax app in Express, as a user's project has one. FAX_REPLY_TYPE=text/plain makes it defective.
import { fileURLToPath } from 'node:url';
import express from 'express';

/** Builds the Express app; `replyType` is the Content-Type of its TwiML replies. */
export function createFaxApp(replyType = 'text/xml') {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.get('/health', (_req, res) => res.send('ok'));
  app.post('/fax', (_req, res) => {
    res.type(replyType).send('<?xml version="1.0" encoding="UTF-8"?><Response><Receive action="/fax/received"/></Response>');
  });
  app.post('/fax/received', (_req, res) => res.sendStatus(204));
  return app;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 3000);
  createFaxApp(process.env.FAX_REPLY_TYPE).listen(port, '127.0.0.1', () => console.log(`fax app on http://127.0.0.1:${port}`));
}

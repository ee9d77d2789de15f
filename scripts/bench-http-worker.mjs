// One HTTP server for the framework benchmark: node:http or fastify, the same JSON handler (parse the
// body, answer a prediction-sized JSON object). Prints its URL, serves until killed.
import { createServer } from 'node:http';

const which = process.argv[2];
const answer = (body) => ({ predictions: [body.dataframe_records.length > 0 ? 'spam' : 'nonspam'], probabilities: [{ nonspam: 0.25, spam: 0.75 }] });

if (which === 'node:http') {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const text = JSON.stringify(answer(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
} else {
  const { default: Fastify } = await import('fastify');
  const app = Fastify({ logger: false });
  app.post('/invocations', async (req) => answer(req.body));
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`http://127.0.0.1:${app.server.address().port}`);
}
